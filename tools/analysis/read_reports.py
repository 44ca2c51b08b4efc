"""Reads an export folder's reports.csv with pandas, typed by its codebook.csv (docs/analysis.md).

Usage: python3 read_reports.py OUT_DIR [keys|short]
Prints one JSON object: row count, the dtype of every column, and the sum of Requests.NewRequests.Total.
"""
import json
import sys

import pandas as pd

out, names = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "keys")
codebook = pd.read_csv(f"{out}/codebook.csv", dtype=str, keep_default_na=False)
reports = codebook[codebook["table"] == "reports"]
name = "short_name" if names == "short" else "column"
# Counts as nullable integers (a blank is "not stated", never 0), amounts as floats, text as strings.
types = {"int32": "Int64", "int64": "Int64", "text": "string", "date": "string"}
dtype = {row[name]: types.get(row["type"], "Float64") for _, row in reports.iterrows()}
df = pd.read_csv(f"{out}/reports.csv", dtype=dtype, keep_default_na=False, na_values=[""])
for column in reports.loc[reports["type"] == "date", name]:
    df[column] = pd.to_datetime(df[column], format="%Y-%m-%d")
total = reports.loc[reports["column"] == "Requests.NewRequests.Total", name].iloc[0]
print(json.dumps({
    "rows": len(df),
    "dtypes": {c: str(t) for c, t in df.dtypes.items()},
    "sum": int(df[total].sum()),
    "stated": int(df[total].notna().sum()),
}))
