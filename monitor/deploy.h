/* orc deploy: configurations (config.c) and running them (deploy.c). */
#ifndef ORC_DEPLOY_H
#define ORC_DEPLOY_H

#include <stddef.h>

struct deploy_spec {
  char name[64];
  char *image;   /* directory, the cVMs' root */
  char *program; /* path inside the image */
  char **args;   /* NULL-terminated, without argv[0]; may be NULL */
  char **env;    /* K=V, NULL-terminated; may be NULL */
  int replicas;
  size_t quota;
  size_t disk; /* disk quota of writes into the image */
  int net;
  char *stdout_to; /* "inherit" (default), "null", or a file path */
  int line;
};

struct deploy_config {
  struct deploy_spec *specs;
  size_t nspecs;
  char *user; /* the monitor's user once set up; NULL: the default */
};

/* 0, or -1 with "FILE:LINE: message" in err. */
int deploy_parse(const char *file, struct deploy_config *cfg, char *err,
                 size_t errlen);
void deploy_config_free(struct deploy_config *cfg);
int deploy_main(int argc, char **argv);

/* The PATH a cVM gets when its environment names none, as OCI runtimes
 * give a container's process. */
#define CVM_DEFAULT_PATH "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
/* env (NULL-terminated, may be NULL) with CVM_DEFAULT_PATH added at its
 * end if it has no PATH=: a new array the caller frees (not the strings),
 * or NULL if out of memory. */
char **env_with_path(char *const *env);

#endif
