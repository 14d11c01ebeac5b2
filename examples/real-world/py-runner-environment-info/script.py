import platform
import socket
import sys
import json
from kestra import Kestra

print("Hello from a Kubernetes runner!")

host = platform.node()
py_version = platform.python_version()
platform = platform.platform()
os_arch = f"{sys.platform}/{platform.machine()}"

def print_environment_info():
    print(f"Host's network name: {host}")
    print(f"Python version: {py_version}")
    print(f"Platform info: {platform}")
    print(f"OS/Arch: {os_arch}")

    env_info = {
        "host": host,
        "platform": platform,
        "os_arch": os_arch,
        "python_version": py_version,
    }
    Kestra.outputs(env_info)

    filename = "environment_info.json"
    with open(filename, "w") as json_file:
        json.dump(env_info, json_file, indent=4)

if __name__ == '__main__':
    print_environment_info()
