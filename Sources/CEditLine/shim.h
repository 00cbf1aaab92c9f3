#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* Swift 6 rejects reads of imported mutable C globals, even stdin/stdout/stderr. */
static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

/* el_set / el_get / history are variadic, which Swift cannot call: wrap each use. */
static inline int cel_set_prompt(EditLine *el, char *(*fn)(EditLine *)) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int cel_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int cel_add_function(EditLine *el, const char *name, const char *help,
                                   unsigned char (*fn)(EditLine *, int)) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cel_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int cel_set_edit_tty_flag(EditLine *el, const char *flag) {
  return el_set(el, EL_SETTY, "-d", flag, NULL);
}
static inline int cel_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *cel_client_data(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int cel_history_set_size(History *h, HistEvent *ev, int n) {
  return history(h, ev, H_SETSIZE, n);
}
static inline int cel_history_set_unique(History *h, HistEvent *ev, int on) {
  return history(h, ev, H_SETUNIQUE, on);
}
static inline int cel_history_enter(History *h, HistEvent *ev, const char *s) {
  return history(h, ev, H_ENTER, s);
}
static inline int cel_history_load(History *h, HistEvent *ev, const char *path) {
  return history(h, ev, H_LOAD, path);
}
static inline int cel_history_save(History *h, HistEvent *ev, const char *path) {
  return history(h, ev, H_SAVE, path);
}

/* A SIGINT handler that only raises a flag, for interrupting long commands. */
static volatile sig_atomic_t cel_interrupt_flag = 0;
static inline void cel_on_sigint(int signo) { (void)signo; cel_interrupt_flag = 1; }
static inline void cel_install_sigint(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = cel_on_sigint;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
}
static inline int cel_take_interrupt(void) {
  int was = cel_interrupt_flag;
  cel_interrupt_flag = 0;
  return was;
}
static inline int cel_peek_interrupt(void) { return cel_interrupt_flag; }

#endif
