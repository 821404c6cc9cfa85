#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H
#include <glpk.h>

/* GLPK calls abort() on invalid API input. These wrappers install glp_error_hook with a
   setjmp/longjmp escape so that such an error returns CGLPK_FATAL instead of killing the
   process. After CGLPK_FATAL the calling thread's GLPK environment has been freed
   (glp_free_env): every glp_prob of this thread is gone and must not be touched again.
   Swift validates its input before calling GLPK; this is only the last line of defence. */

#define CGLPK_FATAL (-1000)

int cglpk_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]);
int cglpk_simplex(glp_prob *P, const glp_smcp *parm);
int cglpk_intopt(glp_prob *P, const glp_iocp *parm);
#endif
