// Fixed-signature wrappers over libedit's variadic functions, which Swift
// cannot call, and accessors for the C standard streams, which Swift 6 rejects.
#ifndef DSH_CEDITLINE_SHIM_H
#define DSH_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>
#include <signal.h>

typedef unsigned char (*dsh_el_fn)(EditLine *, int);
typedef char *(*dsh_el_prompt_fn)(EditLine *);

static inline EditLine *dsh_el_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}
static inline int dsh_el_set_prompt(EditLine *el, dsh_el_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int dsh_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int dsh_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}
static inline int dsh_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int dsh_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *dsh_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int dsh_el_add_function(EditLine *el, const char *name, const char *help,
                                      dsh_el_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int dsh_el_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int dsh_el_source(EditLine *el, const char *file) {
  return el_source(el, file);
}
static inline const char *dsh_el_gets(EditLine *el, int *count) {
  return el_gets(el, count);
}
static inline int dsh_el_cursor_offset(EditLine *el, const char **start) {
  const LineInfo *li = el_line(el);
  *start = li->buffer;
  return (int)(li->cursor - li->buffer);
}
static inline int dsh_el_line_length(EditLine *el) {
  const LineInfo *li = el_line(el);
  return (int)(li->lastchar - li->buffer);
}

static inline History *dsh_history_init(void) {
  History *h = history_init();
  HistEvent ev;
  history(h, &ev, H_SETSIZE, 1000);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}
static inline int dsh_history_set_size(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int dsh_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int dsh_history_clear(History *h) {
  HistEvent ev;
  return history(h, &ev, H_CLEAR);
}

static inline void dsh_flush_stdout(void) { fflush(stdout); }
static inline void dsh_flush_stderr(void) { fflush(stderr); }
static inline void dsh_setlocale(void) {
  if (setlocale(LC_CTYPE, "") == NULL) {
    setlocale(LC_CTYPE, "C.UTF-8");
  }
}

#endif
