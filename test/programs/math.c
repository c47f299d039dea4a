/* libm: functions and their printing. */
#include <math.h>
#include <stdio.h>

int main(void) {
  printf("%.6f %.6f %.6f\n", sin(1.0), cos(1.0), tan(0.5));
  printf("%.6f %.6f %.6f %.6f\n", sqrt(2.0), pow(2.0, 0.5), exp(1.0), log(10.0));
  printf("%.3f %.3f %.3f %.3f\n", fmod(7.5, 2.0), floor(-2.5), ceil(-2.5), round(2.5));
  printf("%.6f %.6f %g %g\n", atan2(1.0, 2.0), hypot(3.0, 4.0), INFINITY, -NAN);
  printf("%d %d %.3f\n", isnan(NAN), isinf(-INFINITY), ldexp(0.75, 4));
  double acc = 0;
  for (int i = 1; i <= 1000; i++)
    acc += 1.0 / ((double)i * i);
  printf("basel %.10f\n", acc);
  return 0;
}
