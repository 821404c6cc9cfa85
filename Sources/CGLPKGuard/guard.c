#include "cglpk_guard.h"
#include <setjmp.h>

static void cglpk_escape(void *info) { longjmp(*(jmp_buf *)info, 1); }

/* One guard per call site: a jmp_buf must live in the frame that calls setjmp. */
#define CGLPK_GUARDED(expr)                          \
    jmp_buf buf;                                     \
    int rc = 0;                                      \
    glp_error_hook(cglpk_escape, &buf);              \
    if (setjmp(buf)) {                               \
        glp_error_hook(NULL, NULL);                  \
        glp_free_env();                              \
        return CGLPK_FATAL;                          \
    }                                                \
    rc = (expr);                                     \
    glp_error_hook(NULL, NULL);                      \
    return rc;

static int load(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]) {
    glp_load_matrix(P, ne, ia, ja, ar);
    return 0;
}

int cglpk_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]) {
    CGLPK_GUARDED(load(P, ne, ia, ja, ar))
}

int cglpk_simplex(glp_prob *P, const glp_smcp *parm) { CGLPK_GUARDED(glp_simplex(P, parm)) }

int cglpk_intopt(glp_prob *P, const glp_iocp *parm) { CGLPK_GUARDED(glp_intopt(P, parm)) }
