/* The one error path of the loader: every rejection goes through
 * orc_fail(), which records the status and a message naming the object,
 * the field, the index and the values. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

enum orc_status orc_fail(struct orc_error *err, enum orc_status code,
                         const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->code = code;
  }
  return code;
}
