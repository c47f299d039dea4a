# lit configuration for the SFI assembler stage (orc-as). ctest
# (test/CMakeLists.txt) passes the paths in the environment.
import os
import lit.formats

config.name = "orc-as"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".s", ".c"]
config.test_source_root = os.path.dirname(__file__)


def need(var):
    value = os.environ.get(var)
    if not value:
        lit_config.fatal(f"{var} is not set: run the tests through ctest")
    return value


orc_as = need("ORC_AS")
verify = need("ORC_VERIFY")
tools = need("ORC_LLVM_TOOLS")
config.test_exec_root = os.path.join(os.path.dirname(orc_as), "..", "test", "assembler")
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%orc_as", orc_as))
config.substitutions.append(("%orc_verify", verify))
# %dis: the disassembly, one instruction a line, addresses kept (bundle
# placement is part of what is checked).
config.substitutions.append(("%dis_raw", f"{tools}/llvm-objdump -d"))
config.substitutions.append(("%dis", f"{tools}/llvm-objdump -d --no-show-raw-insn"))
config.substitutions.append(("%nopad", os.path.join(config.test_source_root, "strip-padding")))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
