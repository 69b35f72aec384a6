//! Loaders shared by the forecast accuracy tests (data under ../shared/data, never copied in).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;

pub fn data_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel)
}

/// One M3 series: train and test values.
pub struct M3Series {
    pub id: String,
    pub train: Vec<f64>,
    pub test: Vec<f64>,
}

/// M3 series of one period ("MONTHLY", ...), in file order.
pub fn load_m3(period: &str) -> Vec<M3Series> {
    let f = std::fs::File::open(data_path("m3/m3_long.csv.gz")).expect("m3 file");
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .expect("gunzip");
    let mut rdr = csv::Reader::from_reader(s.as_bytes());
    let mut out: Vec<M3Series> = Vec::new();
    let mut rows: Vec<(String, usize, f64, bool)> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.expect("record");
        if &rec[2] != period {
            continue;
        }
        rows.push((
            rec[1].to_string(),
            rec[5].parse().expect("t"),
            rec[6].parse().expect("value"),
            &rec[7] == "train",
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (id, _, v, train) in rows {
        if out.last().is_none_or(|s| s.id != id) {
            out.push(M3Series {
                id: id.clone(),
                train: Vec::new(),
                test: Vec::new(),
            });
        }
        let s = out.last_mut().expect("series");
        if train {
            s.train.push(v);
        } else {
            s.test.push(v);
        }
    }
    out
}

/// carparts: part id -> monthly demand, in month order.
pub fn load_carparts() -> Vec<(String, Vec<f64>)> {
    let mut rdr =
        csv::Reader::from_path(data_path("intermittent_carparts_jewelry/carparts_long.csv"))
            .expect("carparts");
    let mut map: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.expect("record");
        let v: f64 = rec[2].parse().unwrap_or(f64::NAN);
        map.entry(rec[0].to_string())
            .or_default()
            .push((rec[1].to_string(), v));
    }
    map.into_iter()
        .map(|(k, mut v)| {
            v.sort_by(|a, b| a.0.cmp(&b.0));
            (k, v.into_iter().map(|x| x.1).collect())
        })
        .collect()
}

/// A classic_ts file (`rownames,time,value`): the values.
pub fn load_classic(name: &str) -> Vec<f64> {
    let mut rdr = csv::Reader::from_path(data_path(&format!("classic_ts/{name}"))).expect("file");
    rdr.records()
        .map(|r| r.expect("rec")[2].parse::<f64>().expect("value"))
        .collect()
}
