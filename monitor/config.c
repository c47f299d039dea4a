/* Deploy configurations: YAML, parsed with libyaml's document API.
 *
 * The format is in docs/deploy.md. A configuration is untrusted input:
 * every error names the file, the line and the key, and nothing starts
 * until the whole file is valid. */
#define _GNU_SOURCE
#include "deploy.h"
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

struct ctx {
  const char *file;
  yaml_document_t doc;
  char *err;
  size_t errlen;
};

static int fail(struct ctx *x, const yaml_node_t *n, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(x->err, x->errlen, "%s:%lu: %s", x->file,
           n ? (unsigned long)n->start_mark.line + 1 : 0ul, msg);
  return -1;
}

static const char *scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
                                          : NULL;
}

static int want_scalar(struct ctx *x, const yaml_node_t *n, const char *key,
                       const char **out) {
  if (!(*out = scalar(n)))
    return fail(x, n, "'%s' must be a single value", key);
  return 0;
}

static int want_bool(struct ctx *x, const yaml_node_t *n, const char *key,
                     int *out) {
  const char *s = scalar(n);
  if (s && (!strcmp(s, "true") || !strcmp(s, "yes")))
    return *out = 1, 0;
  if (s && (!strcmp(s, "false") || !strcmp(s, "no")))
    return *out = 0, 0;
  return fail(x, n, "'%s' must be true or false", key);
}

static int want_size(struct ctx *x, const yaml_node_t *n, const char *key,
                     size_t *out) {
  const char *s = scalar(n);
  char why[160];
  if (!s)
    return fail(x, n, "'%s' must be a size such as 64M (got a list or map)",
                key);
  if (parse_size(s, CVM_QUOTA_MAX, out, why, sizeof why))
    return fail(x, n, "'%s': %s", key, why);
  return 0;
}

static int want_list(struct ctx *x, const yaml_node_t *n, const char *key,
                     char ***out, int allow_map_as_env) {
  size_t count = 0;
  if (n->type == YAML_SEQUENCE_NODE)
    count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
  else if (allow_map_as_env && n->type == YAML_MAPPING_NODE)
    count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
  else
    return fail(x, n, "'%s' must be a list%s", key,
                allow_map_as_env ? " of K=V or a map" : "");
  char **v = calloc(count + 1, sizeof *v);
  if (!v)
    return fail(x, n, "out of memory");
  *out = v;
  for (size_t i = 0; i < count; i++) {
    if (n->type == YAML_SEQUENCE_NODE) {
      const yaml_node_t *it =
          yaml_document_get_node(&x->doc, n->data.sequence.items.start[i]);
      const char *s = scalar(it);
      if (!s)
        return fail(x, it, "'%s' item %zu must be a single value", key, i + 1);
      if (allow_map_as_env && !strchr(s, '='))
        return fail(x, it, "'%s' item '%s' is not K=V", key, s);
      v[i] = strdup(s);
    } else {
      yaml_node_pair_t *p = &n->data.mapping.pairs.start[i];
      const char *k = scalar(yaml_document_get_node(&x->doc, p->key));
      const yaml_node_t *vn = yaml_document_get_node(&x->doc, p->value);
      const char *val = scalar(vn);
      if (!k || !val)
        return fail(x, vn, "'%s' entries must be NAME: value", key);
      if (asprintf(&v[i], "%s=%s", k, val) < 0)
        return fail(x, vn, "out of memory");
    }
  }
  return 0;
}

/* A path in the config is relative to the config file's directory. */
static char *relative_to(const char *file, const char *path) {
  if (path[0] == '/')
    return strdup(path);
  char *dir = strdup(file), *slash = strrchr(dir, '/'), *out;
  if (slash)
    *slash = 0;
  if (asprintf(&out, "%s/%s", slash ? dir : ".", path) < 0)
    out = NULL;
  free(dir);
  return out;
}

static int parse_cvm(struct ctx *x, const yaml_node_t *n,
                     const struct deploy_spec *defaults,
                     struct deploy_spec *s) {
  *s = *defaults;
  s->line = (int)n->start_mark.line + 1;
  if (n->type != YAML_MAPPING_NODE)
    return fail(x, n, "each entry of 'cvms' must be a map");
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    const yaml_node_t *kn = yaml_document_get_node(&x->doc, p->key);
    const yaml_node_t *v = yaml_document_get_node(&x->doc, p->value);
    const char *k = scalar(kn), *str;
    if (!k)
      return fail(x, kn, "keys must be names");
    if (!strcmp(k, "name")) {
      if (want_scalar(x, v, k, &str))
        return -1;
      snprintf(s->name, sizeof s->name, "%s", str);
    } else if (!strcmp(k, "image")) {
      if (want_scalar(x, v, k, &str))
        return -1;
      s->image = relative_to(x->file, str);
    } else if (!strcmp(k, "program")) {
      if (want_scalar(x, v, k, &str))
        return -1;
      s->program = strdup(str);
    } else if (!strcmp(k, "args")) {
      if (want_list(x, v, k, &s->args, 0))
        return -1;
    } else if (!strcmp(k, "env")) {
      if (want_list(x, v, k, &s->env, 1))
        return -1;
    } else if (!strcmp(k, "replicas")) {
      char *end;
      if (want_scalar(x, v, k, &str))
        return -1;
      long r = strtol(str, &end, 10);
      if (*end || r < 1 || r > 100000)
        return fail(x, v, "'replicas' must be a number from 1 to 100000");
      s->replicas = (int)r;
    } else if (!strcmp(k, "memory")) {
      if (want_size(x, v, k, &s->quota))
        return -1;
    } else if (!strcmp(k, "disk")) {
      if (want_size(x, v, k, &s->disk))
        return -1;
    } else if (!strcmp(k, "networking")) {
      if (want_bool(x, v, k, &s->net))
        return -1;
    } else if (!strcmp(k, "stdout")) {
      if (want_scalar(x, v, k, &str))
        return -1;
      if (strcmp(str, "inherit") && strcmp(str, "null") &&
          strncmp(str, "file:", 5))
        return fail(x, v, "'stdout' must be inherit, null or file:PATH");
      s->stdout_to = strncmp(str, "file:", 5)
                         ? strdup(str)
                         : relative_to(x->file, str + 5);
    } else {
      return fail(x, kn, "unknown key '%s' (known: name, image, program, "
                         "args, env, replicas, memory, disk, networking, "
                         "stdout)", k);
    }
  }
  if (!s->image)
    return fail(x, n, "missing key 'image'");
  if (!s->program)
    return fail(x, n, "missing key 'program'");
  if (!s->name[0])
    snprintf(s->name, sizeof s->name, "%s", s->program);
  struct stat st;
  if (stat(s->image, &st) || !S_ISDIR(st.st_mode))
    return fail(x, n, "image '%s': %s", s->image,
                errno ? strerror(errno) : "not a directory");
  int root = open(s->image, O_PATH | O_DIRECTORY | O_CLOEXEC);
  const char *rel = s->program + (s->program[0] == '/');
  int ok = root >= 0 && fstatat(root, rel, &st, 0) == 0 && S_ISREG(st.st_mode);
  if (root >= 0)
    close(root);
  if (!ok)
    return fail(x, n, "program '%s' is not a file in image '%s'", s->program,
                s->image);
  return 0;
}

/* defaults: memory, disk and networking every cVM starts from. */
static int parse_defaults(struct ctx *x, const yaml_node_t *v,
                          struct deploy_spec *d) {
  if (v->type != YAML_MAPPING_NODE)
    return fail(x, v, "'defaults' must be a map");
  for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
       q < v->data.mapping.pairs.top; q++) {
    const yaml_node_t *dk = yaml_document_get_node(&x->doc, q->key);
    const yaml_node_t *dv = yaml_document_get_node(&x->doc, q->value);
    const char *key = scalar(dk);
    if (key && !strcmp(key, "memory")) {
      if (want_size(x, dv, key, &d->quota))
        return -1;
    } else if (key && !strcmp(key, "disk")) {
      if (want_size(x, dv, key, &d->disk))
        return -1;
    } else if (key && !strcmp(key, "networking")) {
      if (want_bool(x, dv, key, &d->net))
        return -1;
    } else {
      return fail(x, dk, "unknown key '%s' in 'defaults' (known: memory, "
                         "disk, networking)", key ? key : "?");
    }
  }
  return 0;
}

int deploy_parse(const char *file, struct deploy_config *cfg, char *err,
                 size_t errlen) {
  memset(cfg, 0, sizeof *cfg);
  struct ctx x = {.file = file, .err = err, .errlen = errlen};
  FILE *f = fopen(file, "r");
  if (!f)
    return snprintf(err, errlen, "%s: %s", file, strerror(errno)), -1;
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  int r = -1;
  if (!yaml_parser_load(&parser, &x.doc)) {
    snprintf(err, errlen, "%s:%lu: YAML: %s", file,
             (unsigned long)parser.problem_mark.line + 1,
             parser.problem ? parser.problem : "syntax error");
    yaml_parser_delete(&parser);
    fclose(f);
    return -1;
  }
  struct deploy_spec defaults = {.replicas = 1, .quota = 64u << 20,
                                 .disk = 256u << 20};
  const yaml_node_t *root = yaml_document_get_root_node(&x.doc);
  const yaml_node_t *cvms = NULL;
  if (!root || root->type != YAML_MAPPING_NODE) {
    fail(&x, root, "the top level must be a map with a 'cvms' list");
    goto out;
  }
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
       p < root->data.mapping.pairs.top; p++) {
    const yaml_node_t *kn = yaml_document_get_node(&x.doc, p->key);
    const yaml_node_t *v = yaml_document_get_node(&x.doc, p->value);
    const char *k = scalar(kn);
    if (k && !strcmp(k, "cvms")) {
      cvms = v;
    } else if (k && !strcmp(k, "defaults")) {
      if (parse_defaults(&x, v, &defaults))
        goto out;
    } else if (k && !strcmp(k, "user")) {
      const char *u;
      if (want_scalar(&x, v, k, &u))
        goto out;
      free(cfg->user);
      cfg->user = strdup(u);
    } else {
      fail(&x, kn, "unknown key '%s' (known: user, defaults, cvms)",
           k ? k : "?");
      goto out;
    }
  }
  if (!cvms || cvms->type != YAML_SEQUENCE_NODE) {
    fail(&x, cvms ? cvms : root, "'cvms' must be a list of cVM specs");
    goto out;
  }
  size_t n = (size_t)(cvms->data.sequence.items.top - cvms->data.sequence.items.start);
  cfg->specs = calloc(n ? n : 1, sizeof *cfg->specs);
  for (size_t i = 0; i < n; i++) {
    const yaml_node_t *item =
        yaml_document_get_node(&x.doc, cvms->data.sequence.items.start[i]);
    cfg->nspecs = i + 1;
    if (parse_cvm(&x, item, &defaults, &cfg->specs[i]))
      goto out;
  }
  r = 0;
out:
  if (r)
    deploy_config_free(cfg);
  yaml_document_delete(&x.doc);
  yaml_parser_delete(&parser);
  fclose(f);
  return r;
}

static void free_list(char **v) {
  for (size_t i = 0; v && v[i]; i++)
    free(v[i]);
  free(v);
}

void deploy_config_free(struct deploy_config *cfg) {
  for (size_t i = 0; i < cfg->nspecs; i++) {
    struct deploy_spec *s = &cfg->specs[i];
    free(s->image);
    free(s->program);
    free(s->stdout_to);
    free_list(s->args);
    free_list(s->env);
  }
  free(cfg->specs);
  free(cfg->user);
  memset(cfg, 0, sizeof *cfg);
}

char **env_with_path(char *const *env) {
  size_t n = 0;
  int has = 0;
  for (; env && env[n]; n++)
    has |= !strncmp(env[n], "PATH=", 5);
  char **out = calloc(n + 2, sizeof *out);
  if (!out)
    return NULL;
  for (size_t i = 0; i < n; i++)
    out[i] = env[i];
  if (!has)
    out[n] = CVM_DEFAULT_PATH;
  return out;
}
