"""The bundled sample's order lines as the reference scripts read them: sale lines (quantity and
price above 0) and cancellation lines (invoice starting with C), with their day."""
import os

import pandas as pd


def load():
    """(all lines, the cancellation mask, the sale lines)."""
    here = os.path.dirname(os.path.abspath(__file__))
    df = pd.read_csv(os.path.join(here, "..", "..", "www", "sample", "online_retail_sample.csv.gz"),
                     dtype={"InvoiceNo": str, "StockCode": str})
    df["day"] = pd.to_datetime(df["InvoiceDate"]).dt.normalize()
    cancel = df["InvoiceNo"].str.startswith("C")
    sale = df[~cancel & (df.Quantity > 0) & (df.UnitPrice > 0)]
    return df, cancel, sale
