// Shared by exec/inline-static.c and Inputs/inline-static-b.c (as C++):
// two inline functions with static locals, one a counter, one a running
// sum reached by reference.
inline int next_ticket(void) {
  static int ticket;
  return ++ticket;
}

inline int &ticket_sum(void) {
  static int sum;
  return sum;
}
