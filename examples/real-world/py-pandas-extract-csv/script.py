import pandas as pd
data = {
    'Column1': ['A', 'B', 'C', 'D'],
    'Column2': [1, 2, 3, 4],
    'Column3': [5, 6, 7, 8]
}
df = pd.DataFrame(data)
print(df.head())
df.to_csv("raw_data.csv", index=False)
