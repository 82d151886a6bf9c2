// The commit comes from commit.h, which scripts/stamp-commit writes (and git ignores)
// when dsh is built from a checkout through make. Without it (a plain `swift build`, a
// tree from a tarball) the commit is empty.
#include "BuildInfo.h"

#if __has_include("commit.h")
#include "commit.h"
#endif

#ifndef DSH_COMMIT
#define DSH_COMMIT ""
#endif

const char *dsh_build_commit(void) { return DSH_COMMIT; }
