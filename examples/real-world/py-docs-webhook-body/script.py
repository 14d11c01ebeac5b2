
response = {{ trigger.body ?? '' }}

print(f"{response['first_name']} {response['last_name']}")
