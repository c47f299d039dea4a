// The defining side of exec/extern-data.c: another ORC translation unit.
int counter = 1;
int arr[4] = {1, 2, 3, 0};
int *const counter_ptr = &counter;
const char *const def_name = "extern";

int def_counter(void) { return counter; }

int def_arr_sum(void) {
  int s = 0;
  for (int i = 0; i < 4; i++)
    s += arr[i];
  return s;
}
