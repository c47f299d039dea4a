# lit configuration for the ORC pass tests. ctest (test/CMakeLists.txt)
# passes the build's paths in the environment; see README for running
# lit by hand.
import os
import lit.formats
import lit.util

config.name = "orc-pass"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)


def need(var):
    value = os.environ.get(var)
    if not value:
        lit_config.fatal(f"{var} is not set: run the tests through ctest")
    return value


plugin = need("ORC_PLUGIN")
tools = need("ORC_LLVM_TOOLS")
harness_lib = need("ORC_HARNESS_LIB")
harness_inc = need("ORC_HARNESS_INCLUDE")
layout = need("ORC_LAYOUT")

config.test_exec_root = os.path.join(os.path.dirname(plugin), "..", "test", "pass")
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", os.environ["PATH"])])

clang = os.path.join(tools, "clang")
# %opt_orc: opt with the plugin loaded; the pass is `-passes=orc`.
config.substitutions.append(("%opt_orc", f"{tools}/opt -load-pass-plugin={plugin}"))
# %cc_orc: clang with the plugin, position-independent as ORC requires.
config.substitutions.append(("%cc_orc", f"{clang} -fPIC -fpass-plugin={plugin}"))
# %cc_host: clang without the plugin, for the host side of execution tests.
config.substitutions.append(("%cc_host", f"{clang} -fPIE -I{harness_inc}"))
# %link_harness: link a program from ORC objects and host objects with the
# loader in miniature and the template layout.
config.substitutions.append(
    ("%link_harness", f"{clang} -fuse-ld=lld -pie -Wl,-T,{layout} {harness_lib}"))
config.substitutions.append(("%clang", clang))
config.substitutions.append(("%plugin", plugin))
