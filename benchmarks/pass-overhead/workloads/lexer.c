/* A hand-written lexer for a C-like language, in the style of the classic
 * one-file compilers and scripting languages: the source buffer, the
 * cursor, the current token, the character-class table (filled at run
 * time) and the identifier table are all globals, and the parser-facing
 * entry point is next_token().
 *
 * One iteration tokenizes the whole buffer (generated once, 48 KiB of
 * declarations, expressions, strings and comments); identifiers are
 * interned in an open-addressing table that reserved words seed, as
 * Lua's and Tcl's lexers do. */
#include <string.h>

#define SRC_SIZE (48u * 1024)
#define NAMES 4096u /* intern table slots, a power of two */

enum {
  TK_EOF,
  TK_IDENT,
  TK_KEYWORD,
  TK_NUMBER,
  TK_STRING,
  TK_CHAR,
  TK_PUNCT,
  TK_OP2,
  TK_COMMENT,
  TK_NEWLINE,
  TK_ERROR,
  TK_COUNT
};

enum { C_SPACE = 1, C_ALPHA = 2, C_DIGIT = 4, C_HEX = 8, C_PUNCT = 16 };

struct token {
  int kind;
  unsigned start, len, line;
  unsigned long number;
  unsigned name; /* intern-table slot of an identifier or keyword */
};

static char src[SRC_SIZE + 1];
static unsigned src_len;
static unsigned char cclass[256];
static const char *cursor;
static unsigned line;
struct token tok; /* the current token, as yylval is */
unsigned long tok_count[TK_COUNT];
unsigned long number_sum;

static struct {
  unsigned start, len, hash;
  unsigned char keyword;
} names[NAMES];
static unsigned name_count;
static unsigned long rng = 88172645463325252ul;

const unsigned workload_iterations = 80;

static const char *const keywords[] = {
    "int",    "char", "unsigned", "long",  "static", "const", "struct",
    "return", "if",   "else",     "while", "for",    "break", "continue",
    "switch", "case", "default",  "void",  "sizeof", "enum"};

static const char *const snippets[] = {"static int ",
                                       "unsigned long ",
                                       "struct node *",
                                       "return ",
                                       "if (",
                                       "while (",
                                       ") {\n",
                                       "}\n",
                                       " = ",
                                       " + ",
                                       " * ",
                                       " == ",
                                       " != ",
                                       " -> ",
                                       " && ",
                                       " << ",
                                       "++",
                                       "--",
                                       ";\n",
                                       ", ",
                                       "[",
                                       "]",
                                       "(",
                                       ")",
                                       "\"hello, world\\n\"",
                                       "'\\n'",
                                       "'x'",
                                       "/* a comment */",
                                       "// note\n",
                                       "0x7fff",
                                       "1024",
                                       "42",
                                       "else ",
                                       "for (i = 0; i < n; i++) ",
                                       "sizeof(struct node)",
                                       "\n",
                                       "count",
                                       "buffer",
                                       "left",
                                       "right",
                                       "value",
                                       "next",
                                       "tmp",
                                       "len",
                                       "result",
                                       "table",
                                       "key",
                                       "flags"};

static unsigned long next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static unsigned hash_name(const char *s, unsigned len) {
  unsigned h = 5381;
  for (unsigned i = 0; i < len; i++)
    h = h * 33 + (unsigned char)s[i];
  return h;
}

/* The intern-table slot of s (inserted if new). Keywords live in the same
 * table, interned first from their own text, with src offsets past the
 * source: s points either into src or at a keyword literal. */
static unsigned intern(const char *s, unsigned len, unsigned char keyword) {
  unsigned h = hash_name(s, len);
  unsigned i = h & (NAMES - 1);
  while (names[i].len) {
    if (names[i].hash == h && names[i].len == len) {
      const char *t = names[i].keyword ? keywords[names[i].keyword - 1]
                                       : src + names[i].start;
      if (memcmp(t, s, len) == 0)
        return i;
    }
    i = (i + 1) & (NAMES - 1);
  }
  names[i].start = keyword ? 0 : (unsigned)(s - src);
  names[i].len = len;
  names[i].hash = h;
  names[i].keyword = keyword;
  name_count++;
  return i;
}

static void lex_init(void) {
  for (int c = 0; c < 256; c++) {
    unsigned char k = 0;
    if (c == ' ' || c == '\t' || c == '\r')
      k |= C_SPACE;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
      k |= C_ALPHA;
    if (c >= '0' && c <= '9')
      k |= C_DIGIT | C_HEX;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
      k |= C_HEX;
    if (c > ' ' && c < 127 && !(k & (C_ALPHA | C_DIGIT)))
      k |= C_PUNCT;
    cclass[c] = k;
  }
  while (src_len < SRC_SIZE - 64) {
    const char *s =
        snippets[next_random() % (sizeof snippets / sizeof *snippets)];
    while (*s)
      src[src_len++] = *s++;
  }
  src[src_len] = 0;
}

static void intern_keywords(void) {
  memset(names, 0, sizeof names);
  name_count = 0;
  for (unsigned k = 0; k < sizeof keywords / sizeof *keywords; k++)
    intern(keywords[k], (unsigned)strlen(keywords[k]), (unsigned char)(k + 1));
}

static int lex_ident(const char *start) {
  const char *p = start;
  while (cclass[(unsigned char)*p] & (C_ALPHA | C_DIGIT))
    p++;
  cursor = p;
  tok.name = intern(start, (unsigned)(p - start), 0);
  return names[tok.name].keyword ? TK_KEYWORD : TK_IDENT;
}

static int lex_number(const char *p) {
  unsigned long v = 0;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    p += 2;
    while (cclass[(unsigned char)*p] & C_HEX) {
      unsigned c = (unsigned char)*p++;
      v = v * 16 + (c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
  } else {
    while (cclass[(unsigned char)*p] & C_DIGIT)
      v = v * 10 + (unsigned)(*p++ - '0');
  }
  cursor = p;
  tok.number = v;
  number_sum += v;
  return TK_NUMBER;
}

/* A string or character literal; backslash escapes one character. */
static int lex_quoted(const char *p, char quote) {
  p++;
  while (*p && *p != quote && *p != '\n') {
    if (*p == '\\' && p[1])
      p++;
    p++;
  }
  if (*p != quote) {
    cursor = p;
    return TK_ERROR;
  }
  cursor = p + 1;
  return quote == '"' ? TK_STRING : TK_CHAR;
}

static int lex_punct(const char *p) {
  char c = p[0], d = p[1];
  cursor = p + 1;
  switch (c) {
  case '/':
    if (d == '*') {
      const char *q = p + 2;
      while (*q && !(q[0] == '*' && q[1] == '/')) {
        if (*q == '\n')
          line++;
        q++;
      }
      cursor = *q ? q + 2 : q;
      return TK_COMMENT;
    }
    if (d == '/') {
      const char *q = p + 2;
      while (*q && *q != '\n')
        q++;
      cursor = q;
      return TK_COMMENT;
    }
    break;
  case '-':
    if (d == '>' || d == '-' || d == '=')
      goto two;
    break;
  case '+':
  case '&':
  case '|':
    if (d == c || d == '=')
      goto two;
    break;
  case '<':
  case '>':
    if (d == c || d == '=')
      goto two;
    break;
  case '=':
  case '!':
    if (d == '=')
      goto two;
    break;
  }
  return TK_PUNCT;
two:
  cursor = p + 2;
  return TK_OP2;
}

int next_token(void) {
  const char *p = cursor;
  while (cclass[(unsigned char)*p] & C_SPACE)
    p++;
  tok.start = (unsigned)(p - src);
  tok.line = line;
  unsigned char c = (unsigned char)*p;
  int kind;
  if (c == 0) {
    cursor = p;
    kind = TK_EOF;
  } else if (c == '\n') {
    line++;
    cursor = p + 1;
    kind = TK_NEWLINE;
  } else if (cclass[c] & C_ALPHA) {
    kind = lex_ident(p);
  } else if (cclass[c] & C_DIGIT) {
    kind = lex_number(p);
  } else if (c == '"' || c == '\'') {
    kind = lex_quoted(p, (char)c);
  } else {
    kind = lex_punct(p);
  }
  tok.kind = kind;
  tok.len = (unsigned)(cursor - p);
  tok_count[kind]++;
  return kind;
}

unsigned long workload_run(unsigned iterations) {
  unsigned long sum = 0;
  if (!src_len)
    lex_init();
  for (unsigned it = 0; it < iterations; it++) {
    intern_keywords();
    cursor = src + it % 64; /* a different start each time */
    line = 1;
    while (next_token() != TK_EOF)
      sum += tok.kind == TK_IDENT ? tok.name : tok.len;
    sum = sum * 131 + line + name_count;
  }
  for (unsigned k = 0; k < TK_COUNT; k++)
    sum = sum * 31 + tok_count[k];
  return sum ^ number_sum;
}
