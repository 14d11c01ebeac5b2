module kestrasdk.dev/kestra

go 1.21
