# The microcontroller budgets, in one place; tests/target's budget tests and the bench target
# (oncostate-target-bench) read them from here.
#
# Each budget has a target (the product's promise, issue 7) and a ceiling that the tests
# enforce. Where a figure is still above its target, the ceiling sits just above today's
# measurement so that nothing grows while the gap is open; once a target is met, its ceiling
# becomes the target. README.md ("On a microcontroller") lists both with the measured figures.
set(ONCOSTATE_TARGET_FLASH_M0 24576)      # bytes: text + data of examples/firmware, M0, -Os
set(ONCOSTATE_CEILING_FLASH_M0 45056)
set(ONCOSTATE_TARGET_PATIENT_RAM 3072)    # bytes: one patient<q16_16, 16, 4>
set(ONCOSTATE_CEILING_PATIENT_RAM 3072)
set(ONCOSTATE_TARGET_STEP_STACK 1024)     # bytes: deepest stack of one day of care (care::step)
set(ONCOSTATE_CEILING_STEP_STACK 1024)
# Instructions per patient-day, reference scenario (golden run 1), QEMU -icount: printed by the
# bench target against these targets, never a test (speed is a benchmark).
set(ONCOSTATE_TARGET_INSTR_DAY_M0_FIXED 60000)
set(ONCOSTATE_TARGET_INSTR_DAY_M4F_FIXED 20000)
set(ONCOSTATE_TARGET_INSTR_DAY_M4F_FLOAT 20000)
