/* Complex multiplication for what clang calls out to (__mulsc3, __muldc3,
 * __mulxc3), C11 Annex G: the plain product, and where it comes out NaN
 * in both parts although an operand is infinite, the infinities
 * recovered. compiler-rt's builtins hold these too, but they are not
 * built through orc-as, so no ORC object may contain them (docs/sfi.md);
 * these are, as part of liborc_nonshared.a. */
#include <math.h>

#define ORC_MUL(NAME, T, COPYSIGN, ISINF, ISNAN) \
T _Complex NAME(T a, T b, T c, T d) \
{ \
	T ac = a * c, bd = b * d, ad = a * d, bc = b * c; \
	T x = ac - bd, y = ad + bc; \
	if (ISNAN(x) && ISNAN(y)) { \
		int recalc = 0; \
		if (ISINF(a) || ISINF(b)) { \
			a = COPYSIGN(ISINF(a) ? 1 : 0, a); \
			b = COPYSIGN(ISINF(b) ? 1 : 0, b); \
			if (ISNAN(c)) c = COPYSIGN(0, c); \
			if (ISNAN(d)) d = COPYSIGN(0, d); \
			recalc = 1; \
		} \
		if (ISINF(c) || ISINF(d)) { \
			c = COPYSIGN(ISINF(c) ? 1 : 0, c); \
			d = COPYSIGN(ISINF(d) ? 1 : 0, d); \
			if (ISNAN(a)) a = COPYSIGN(0, a); \
			if (ISNAN(b)) b = COPYSIGN(0, b); \
			recalc = 1; \
		} \
		if (!recalc && (ISINF(ac) || ISINF(bd) || ISINF(ad) || ISINF(bc))) { \
			if (ISNAN(a)) a = COPYSIGN(0, a); \
			if (ISNAN(b)) b = COPYSIGN(0, b); \
			if (ISNAN(c)) c = COPYSIGN(0, c); \
			if (ISNAN(d)) d = COPYSIGN(0, d); \
			recalc = 1; \
		} \
		if (recalc) { \
			x = INFINITY * (a * c - b * d); \
			y = INFINITY * (a * d + b * c); \
		} \
	} \
	T _Complex z; \
	__real__ z = x; \
	__imag__ z = y; \
	return z; \
}

#define HIDDEN __attribute__((visibility("hidden")))
HIDDEN ORC_MUL(__mulsc3, float, __builtin_copysignf, __builtin_isinf, __builtin_isnan)
HIDDEN ORC_MUL(__muldc3, double, __builtin_copysign, __builtin_isinf, __builtin_isnan)
HIDDEN ORC_MUL(__mulxc3, long double, __builtin_copysignl, __builtin_isinf, __builtin_isnan)
