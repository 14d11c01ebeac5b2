import argparse
from kestra import Kestra

def multiply_arguments(arg1, arg2):
    return arg1 * arg2

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='Multiply two integers.')
    parser.add_argument('--arg1', type=int, help='First integer argument')
    parser.add_argument('--arg2', type=int, help='Second integer argument')
    args = parser.parse_args()

    result = multiply_arguments(args.arg1, args.arg2)
    print(f"The product of {args.arg1} and {args.arg2} is: {result}")
    Kestra.outputs({'result': result})
