# lit configuration for the verifier of cVM machine code (orc-verify, on
# loader/verify.c). ctest (test/CMakeLists.txt) passes the paths in the
# environment.
import os
import lit.formats

config.name = "orc-verify"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".s"]
config.test_source_root = os.path.dirname(__file__)


def need(var):
    value = os.environ.get(var)
    if not value:
        lit_config.fatal(f"{var} is not set: run the tests through ctest")
    return value


verify = need("ORC_VERIFY")
orc_as = need("ORC_AS")
tools = need("ORC_LLVM_TOOLS")
config.test_exec_root = os.path.join(os.path.dirname(verify), "..", "test", "verifier")
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%orc_verify", verify))
config.substitutions.append(("%orc_as", orc_as))
# %mc: LLVM's own assembler, no SFI rewriting: it builds the attacks.
config.substitutions.append(("%mc", f"{tools}/llvm-mc -triple=x86_64-linux-gnu -filetype=obj"))
