module kestrasdk.dev/bench/sdks

go 1.21

require kestrasdk.dev/kestra v0.0.0

replace kestrasdk.dev/kestra => ../../../sdks/go
