myvar = 1
print(myvar[0])
