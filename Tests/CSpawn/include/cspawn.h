#ifndef DSH_CSPAWN_H
#define DSH_CSPAWN_H

#include <spawn.h>

/// posix_spawn_file_actions_addclosefrom_np (glibc 2.34+), which Swift's Glibc module does
/// not show: it is declared only under _GNU_SOURCE.
int dsh_spawn_close_from(posix_spawn_file_actions_t *actions, int from);

#endif
