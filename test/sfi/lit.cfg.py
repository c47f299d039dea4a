# lit configuration for SFI: the assembler stage (assembler/: for each rule
# of docs/sfi.md, input assembly and the expected rewrite, every refusal,
# and that the output verifies) and the verifier (verifier/: each rule
# broken by code LLVM's plain assembler builds). ctest
# (test/CMakeLists.txt) passes the paths in the environment.
import os
import lit.formats

config.name = "orc-sfi"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".s", ".c"]
config.excludes = ["fuzz", "Inputs"]
config.test_source_root = os.path.dirname(__file__)


def need(var):
    value = os.environ.get(var)
    if not value:
        lit_config.fatal(f"{var} is not set: run the tests through ctest")
    return value


orc_as = need("ORC_AS")
verify = need("ORC_VERIFY")
tools = need("ORC_LLVM_TOOLS")
config.test_exec_root = os.path.join(os.path.dirname(orc_as), "..", "test", "sfi")
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%orc_as", orc_as))
config.substitutions.append(("%orc_verify", verify))
# %mc: LLVM's own assembler, no SFI rewriting: it builds the attacks.
config.substitutions.append(("%mc", f"{tools}/llvm-mc -triple=x86_64-linux-gnu -filetype=obj"))
# The disassembly, one instruction a line, addresses kept (bundle placement
# is part of what is checked); %nopad drops the bundles' padding.
config.substitutions.append(("%dis", f"{tools}/llvm-objdump -d --no-show-raw-insn"))
config.substitutions.append(("%nopad", os.path.join(config.test_source_root, "assembler", "strip-padding")))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
