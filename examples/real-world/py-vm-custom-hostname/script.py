from kestra import Kestra

try:
    cloud_code = "{{ inputs.cloudProvider | slice(0, 3) }}"
    env_code = "{{ inputs.env | slice(0, 3) }}"
    os_code = "{{ inputs.os | slice(0, 3) }}"
    vm_code = "{{ inputs.vmType | slice(0, 3) }}"
    index_code = {{ kv('getVMIndex', errorOnMissing = false) ?? 1 }}

    vm_name = f"{cloud_code}{env_code}{os_code}{vm_code}{index_code}"

    Kestra.outputs({'customHostname': vm_name.lower(), 'index_code': index_code})

except KeyError as e:
    print(f"Invalid value for input: {e}")
except Exception as e:
    print(str(e))
