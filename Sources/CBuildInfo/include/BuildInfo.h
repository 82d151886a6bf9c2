#ifndef DSH_BUILD_INFO_H
#define DSH_BUILD_INFO_H

/// The git commit dsh was built from ("" when it was built outside a checkout).
const char *dsh_build_commit(void);

#endif
