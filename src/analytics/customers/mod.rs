//! Customers pillar: who your customers are and what they are worth.
//!
//! - [`rfm`]: recency / frequency / monetary per customer, quintile scores, named segments;
//! - [`kmeans`]: k-means on z-scored `ln(1+R), ln(1+F), ln(1+M)`, k by silhouette or by the user;
//! - [`cohorts`]: monthly acquisition cohorts and retention;
//! - [`bgnbd`] + [`gamma_gamma`] → [`clv`](mod@clv): P(alive), expected purchases, CLV, holdout check;
//! - [`churn`]: naive Bayes and logistic regression on a time split vs BG/NBD `1 − P(alive)`;
//! - [`profile`]: the per-customer drawer.
//!
//! Guest orders (no customer id) are excluded from everything here. Entry points: [`run`],
//! [`clv()`](fn@clv), [`customer_profile`].
//!
//! **Data without prices** (a loyalty-card or basket export, [`crate::data::CleaningReport::priced`]
//! false): the M of RFM and the clusters' third feature measure units bought
//! ([`rfm::Measure::Units`]); BG/NBD still gives P(alive), expected purchases and churn risk, while
//! Gamma–Gamma and CLV in money are left out ([`ClvReport::priced`]).

pub mod bgnbd;
pub mod churn;
pub mod clv;
pub mod cohorts;
pub mod gamma_gamma;
pub mod history;
pub mod kmeans;
pub mod optim;
pub mod profile;
pub mod rfm;

use crate::data::{Dataset, NONE_ID};
use crate::text::Text;
use serde::{Deserialize, Serialize};

pub use clv::{clv, ChurnRiskMethod, ClvParams, ClvReport, ClvRow, ModelStatus};
pub use profile::{customer_profile, customer_profile_from, CustomerProfile};
pub use rfm::{Measure, RfmRow, Segment, SegmentRow};

/// Why no customer could be modelled ([`CustomersError::NoCustomers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoCustomersWhy {
    /// The data have no sale lines.
    NoSales,
    /// No sale line has a customer id (guest orders only).
    GuestsOnly,
    /// No customer bought in the calibration period.
    NoCalibration,
    /// The churn training data lack churners or stayers.
    ChurnClasses,
    /// No churn training rows.
    NoChurnRows,
    /// Gamma-Gamma has no repeat customer with positive spend.
    NoRepeatSpenders,
}

impl NoCustomersWhy {
    /// The reason as a catalogue sentence.
    pub fn text(self) -> Text {
        Text::new(match self {
            NoCustomersWhy::NoSales => "customers.err.why_no_sales",
            NoCustomersWhy::GuestsOnly => "customers.err.why_guests_only",
            NoCustomersWhy::NoCalibration => "customers.err.why_no_calibration",
            NoCustomersWhy::ChurnClasses => "customers.err.why_churn_classes",
            NoCustomersWhy::NoChurnRows => "customers.err.why_no_churn_rows",
            NoCustomersWhy::NoRepeatSpenders => "customers.err.why_no_repeat_spenders",
        })
    }
}

/// Errors of the customers pillar.
///
/// The message comes from the sentence catalogue ([`CustomersError::text`]).
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[error("{}", self.text())]
pub enum CustomersError {
    InvalidParam { name: &'static str, message: Text },
    NoCustomers(NoCustomersWhy),
    UnknownCustomer(String),
    Numerical { what: &'static str, message: Text },
}

impl CustomersError {
    /// The message, in either language.
    pub fn text(&self) -> Text {
        match self {
            CustomersError::InvalidParam { name, message } => {
                Text::new("customers.err.invalid_param")
                    .str("name", *name)
                    .text("message", message.clone())
            }
            CustomersError::NoCustomers(why) => {
                Text::new("customers.err.no_customers").text("why", why.text())
            }
            CustomersError::UnknownCustomer(id) => {
                Text::new("customers.err.unknown_customer").str("id", id.clone())
            }
            CustomersError::Numerical { what, message } => Text::new("customers.err.numerical")
                .str("what", *what)
                .text("message", message.clone()),
        }
    }
}

/// A number's plain-language meaning, for the UI's "what this means".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub key: String,
    pub meaning: Text,
}

impl Note {
    pub fn new(key: &str, meaning: Text) -> Note {
        Note {
            key: key.to_owned(),
            meaning,
        }
    }
}

/// Parameters of [`run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomersParams {
    /// Seed of every random choice (k-means seeding, silhouette sample).
    pub seed: u64,
    /// Number of clusters; `None` = best mean silhouette for k = 2..=8.
    pub k: Option<usize>,
    /// k-means restarts.
    pub n_init: usize,
    /// Prediction horizon for expected purchases and CLV, days.
    pub horizon_days: u32,
    pub monthly_discount_rate: f64,
    /// "YYYY-MM-DD": fit the purchase models up to this date and check them on the rest.
    pub calibration_end: Option<String>,
    /// Churn = no purchase in this many days.
    pub churn_window_days: u32,
}

impl Default for CustomersParams {
    fn default() -> Self {
        CustomersParams {
            seed: 0,
            k: None,
            n_init: 10,
            horizon_days: 365,
            monthly_discount_rate: 0.0,
            calibration_end: None,
            churn_window_days: 90,
        }
    }
}

/// Largest k tried by the automatic choice.
pub const K_MAX: usize = 8;
/// Silhouette sample size.
pub const SILHOUETTE_SAMPLE: usize = 2000;

impl CustomersParams {
    pub fn validate(&self) -> Result<(), CustomersError> {
        if let Some(k) = self.k {
            if !(1..=50).contains(&k) {
                return Err(CustomersError::InvalidParam {
                    name: "k",
                    message: crate::text::params::outside(k, "1..=50"),
                });
            }
        }
        if !(1..=100).contains(&self.n_init) {
            return Err(CustomersError::InvalidParam {
                name: "n_init",
                message: crate::text::params::outside(self.n_init, "1..=100"),
            });
        }
        if !(7..=3650).contains(&self.churn_window_days) {
            return Err(CustomersError::InvalidParam {
                name: "churn_window_days",
                message: crate::text::params::outside(self.churn_window_days, "7..=3650"),
            });
        }
        self.clv_params().validate()
    }

    fn clv_params(&self) -> ClvParams {
        ClvParams {
            horizon_days: self.horizon_days,
            monthly_discount_rate: self.monthly_discount_rate,
            calibration_end: self.calibration_end.clone(),
            penalty: None,
        }
    }
}

/// Mean and median of R, F and M.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmSummary {
    pub recency_days: rfm::Stat,
    pub frequency: rfm::Stat,
    /// Revenue per customer (zeros when the data have no prices).
    pub monetary: rfm::Stat,
    /// Units per customer.
    #[serde(default)]
    pub units: rfm::Stat,
    pub tie_handling: Text,
    pub notes: Vec<Note>,
}

/// One k-means cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: usize,
    pub size: u64,
    /// Centre in z-scores of ln(1+R), ln(1+F), ln(1+M).
    pub centre_z: [f64; 3],
    /// Centre back-transformed: typical recency days, orders, and revenue (units when the
    /// report's [`Measure`] is units).
    pub typical_recency_days: f64,
    pub typical_frequency: f64,
    pub typical_monetary: f64,
    /// Plain words, e.g. "recent, frequent, high spend" ("… many units" for [`Measure::Units`]).
    pub description: String,
}

/// Clustering result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterReport {
    pub k: usize,
    /// "user" or "silhouette".
    pub chosen_by: String,
    pub inertia: f64,
    /// (k, inertia) for k = 2..=8 when k was chosen automatically (the elbow curve).
    pub elbow: Vec<(usize, f64)>,
    /// (k, mean silhouette on the seeded sample).
    pub silhouette: Vec<(usize, f64)>,
    /// Clusters, largest first (ids are renumbered in that order).
    pub clusters: Vec<Cluster>,
    pub explanation: Text,
}

/// Churn classifier evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnReport {
    pub status: ModelStatus,
    pub message: Text,
    pub window_days: u32,
    pub train_cutoff: String,
    pub test_cutoff: String,
    pub train_customers: u64,
    pub test_customers: u64,
    /// Share of test customers who churned.
    pub test_churn_rate: f64,
    pub auc_naive_bayes: Option<f64>,
    pub auc_logistic: Option<f64>,
    /// AUC of BG/NBD `1 − P(alive)`. One-time buyers always get P(alive) = 1 in the BG/NBD
    /// (drop-out happens only after a repeat purchase), so this can be below 0.5.
    pub auc_bgnbd: Option<f64>,
    /// AUC of BG/NBD "fewer expected purchases in the next window = more likely to churn".
    pub auc_bgnbd_expected: Option<f64>,
    /// AUC of the BG/NBD probability of no purchase in the window
    /// ([`bgnbd::BgNbdParams::p_no_purchase`]), the churn-risk fallback when P(alive) is
    /// degenerate.
    #[serde(default)]
    pub auc_bgnbd_no_purchase: Option<f64>,
    pub confusion_naive_bayes: Option<churn::Confusion>,
    pub confusion_logistic: Option<churn::Confusion>,
    /// (feature, weight on the standardised feature) of the logistic regression.
    pub logistic_weights: Vec<(String, f64)>,
    pub explanation: Text,
}

/// Everything the Customers page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomersReport {
    pub params: CustomersParams,
    /// Last data day + 1 ("YYYY-MM-DD").
    pub snapshot_date: String,
    pub customers: u64,
    /// Sale lines without customer id, left out of every analysis here.
    pub guest_lines_excluded: u64,
    /// What M (and the clusters' third feature) measures: revenue, or units without prices.
    #[serde(default)]
    pub measure: Measure,
    pub rfm: Vec<RfmRow>,
    pub rfm_summary: RfmSummary,
    pub segments: Vec<SegmentRow>,
    pub clusters: ClusterReport,
    pub cohorts: cohorts::CohortReport,
    pub clv: ClvReport,
    pub churn: ChurnReport,
}

fn describe(z: &[f64; 3], measure: Measure) -> String {
    let r = if z[0] < -0.5 {
        "recent"
    } else if z[0] > 0.5 {
        "lapsed"
    } else {
        "moderately recent"
    };
    let f = if z[1] > 0.5 {
        "frequent"
    } else if z[1] < -0.5 {
        "rare"
    } else {
        "occasional"
    };
    let m = match (measure, z[2]) {
        (Measure::Revenue, v) if v > 0.5 => "high spend",
        (Measure::Revenue, v) if v < -0.5 => "low spend",
        (Measure::Revenue, _) => "medium spend",
        (Measure::Units, v) if v > 0.5 => "many units",
        (Measure::Units, v) if v < -0.5 => "few units",
        (Measure::Units, _) => "some units",
    };
    format!("{r}, {f}, {m}")
}

/// The k-means features of RFM rows: ln(1+R), ln(1+F), ln(1+M), z-scored (population std), M
/// by `measure`. Returns the matrix and the column means and standard deviations.
pub fn rfm_features(rows: &[RfmRow], measure: Measure) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut x: Vec<f64> = rows
        .iter()
        .flat_map(|r| {
            [
                (r.recency_days as f64).ln_1p(),
                (r.frequency as f64).ln_1p(),
                measure.of(r).max(0.0).ln_1p(),
            ]
        })
        .collect();
    let (mean, sd) = kmeans::zscore(&mut x, 3);
    (x, mean, sd)
}

/// Cluster RFM rows (fills `rows[i].cluster`), M by `measure`.
pub fn cluster_rfm(
    rows: &mut [RfmRow],
    k: Option<usize>,
    n_init: usize,
    seed: u64,
    measure: Measure,
) -> Result<ClusterReport, CustomersError> {
    let n = rows.len();
    let (x, mean, sd) = rfm_features(rows, measure);
    let kp = |k| kmeans::KMeansParams {
        k,
        n_init,
        seed,
        ..Default::default()
    };
    let (fit, chosen_by, elbow, sil) = match k {
        Some(k) => {
            if k > n {
                return Err(CustomersError::InvalidParam {
                    name: "k",
                    message: Text::new("param.k_too_many").int("k", k).int("n", n),
                });
            }
            (kmeans::fit(&x, 3, &kp(k))?, "user", Vec::new(), Vec::new())
        }
        None => {
            let sample = kmeans::sample_indices(n, SILHOUETTE_SAMPLE, seed);
            let mut best: Option<(f64, kmeans::KMeansFit)> = None;
            let (mut elbow, mut sil) = (Vec::new(), Vec::new());
            for k in 2..=K_MAX.min(n.saturating_sub(1)) {
                let f = kmeans::fit(&x, 3, &kp(k))?;
                let s = kmeans::silhouette(&x, 3, &f.labels, &sample);
                elbow.push((k, f.inertia));
                sil.push((k, s));
                if best.as_ref().is_none_or(|b| s > b.0) {
                    best = Some((s, f));
                }
            }
            match best {
                Some((_, f)) => (f, "silhouette", elbow, sil),
                None => (kmeans::fit(&x, 3, &kp(1.min(n)))?, "silhouette", elbow, sil),
            }
        }
    };
    let k = fit.centres.len() / 3;
    let mut sizes = vec![0u64; k];
    for &l in &fit.labels {
        sizes[l] += 1;
    }
    // Renumber: largest first.
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut new_id = vec![0usize; k];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    for (r, &l) in rows.iter_mut().zip(&fit.labels) {
        r.cluster = Some(new_id[l]);
    }
    let clusters = order
        .iter()
        .enumerate()
        .map(|(id, &old)| {
            let c = [
                fit.centres[old * 3],
                fit.centres[old * 3 + 1],
                fit.centres[old * 3 + 2],
            ];
            let back = |d: usize| (c[d] * sd[d] + mean[d]).exp_m1();
            Cluster {
                id,
                size: sizes[old],
                centre_z: c,
                typical_recency_days: back(0),
                typical_frequency: back(1),
                typical_monetary: back(2),
                description: describe(&c, measure),
            }
        })
        .collect();
    Ok(ClusterReport {
        k,
        chosen_by: chosen_by.into(),
        inertia: fit.inertia,
        elbow,
        silhouette: sil,
        clusters,
        explanation: Text::new(match measure {
            Measure::Revenue => "customers.clusters.explain",
            Measure::Units => "customers.clusters.explain_units",
        }),
    })
}

fn churn_report(
    data: &Dataset,
    hist: &[history::History],
    ids: &[String],
    window: u32,
    priced: bool,
) -> Result<ChurnReport, CustomersError> {
    let (Some(start), Some(last)) = (
        history::first_day(&data.lines),
        history::last_day(&data.lines),
    ) else {
        return Err(CustomersError::NoCustomers(NoCustomersWhy::NoSales));
    };
    let w = window as i64;
    let (c1, c2) = (last - 2 * w, last - w);
    let thin = |msg: Text| ChurnReport {
        status: ModelStatus::TooThin,
        message: msg,
        window_days: window,
        train_cutoff: history::date_string(c1),
        test_cutoff: history::date_string(c2),
        train_customers: 0,
        test_customers: 0,
        test_churn_rate: 0.0,
        auc_naive_bayes: None,
        auc_logistic: None,
        auc_bgnbd: None,
        auc_bgnbd_expected: None,
        auc_bgnbd_no_purchase: None,
        confusion_naive_bayes: None,
        confusion_logistic: None,
        logistic_weights: Vec::new(),
        explanation: Text::default(),
    };
    if c1 - start < 28 {
        return Ok(thin(
            Text::new("customers.churn.too_short")
                .int("days", 2 * w + 28)
                .int("w", w)
                .int("have", last - start + 1),
        ));
    }
    let returns = history::returns_by_customer(data, None);
    let train = churn::dataset(hist, ids, &returns, c1, w);
    let test = churn::dataset(hist, ids, &returns, c2, w);
    let (xtr, ytr): (Vec<[f64; 6]>, Vec<bool>) = train.iter().map(|t| (t.1, t.2)).unzip();
    let (xte, yte): (Vec<[f64; 6]>, Vec<bool>) = test.iter().map(|t| (t.1, t.2)).unzip();
    let pos = ytr.iter().filter(|&&v| v).count();
    if xtr.len() < 50 || pos < 10 || xtr.len() - pos < 10 {
        return Ok(thin(
            Text::new("customers.churn.too_few")
                .int("n", xtr.len())
                .iso_date("date", history::date_string(c1))
                .index("pos", pos),
        ));
    }
    let nb = churn::GaussianNb::fit(&xtr, &ytr)?;
    let lr = churn::Logistic::fit(&xtr, &ytr, 1.0)?;
    let pnb: Vec<f64> = xte.iter().map(|r| nb.predict(r)).collect();
    let plr: Vec<f64> = xte.iter().map(|r| lr.predict(r)).collect();
    // BG/NBD on the data up to the test cut-off.
    let rows = bgnbd::summarise(hist, c2, c2);
    let (auc_bgnbd, auc_bgnbd_expected, auc_bgnbd_no_purchase) =
        if rows.iter().filter(|r| r.x > 0).count() >= clv::MIN_REPEATERS {
            let m = clv::fit_model(hist, &rows, c2, start, w, None)?;
            let mut risk = vec![f64::NAN; hist.len()];
            let mut fewer = vec![f64::NAN; hist.len()];
            let mut no_purchase = vec![f64::NAN; hist.len()];
            for r in &rows {
                risk[r.index] = 1.0 - m.params.p_alive(r.x, r.t_x, r.t);
                no_purchase[r.index] = m.params.p_no_purchase(r.x, r.t_x, r.t, w as f64 / 7.0);
                fewer[r.index] = -m.params.expected(r.x, r.t_x, r.t, w as f64 / 7.0)?;
            }
            let s: Vec<f64> = test.iter().map(|t| risk[t.0]).collect();
            let e: Vec<f64> = test.iter().map(|t| fewer[t.0]).collect();
            let q: Vec<f64> = test.iter().map(|t| no_purchase[t.0]).collect();
            (
                churn::roc_auc(&s, &yte),
                churn::roc_auc(&e, &yte),
                churn::roc_auc(&q, &yte),
            )
        } else {
            (None, None, None)
        };
    let rate = yte.iter().filter(|&&v| v).count() as f64 / yte.len().max(1) as f64;
    let auc_nb = churn::roc_auc(&pnb, &yte);
    let auc_lr = churn::roc_auc(&plr, &yte);
    let auc = |t: Text, name: &str, a: Option<f64>| match a {
        Some(v) => t.num(name, v, 2),
        None => t.text(name, Text::new("customers.na")),
    };
    Ok(ChurnReport {
        status: ModelStatus::Ok,
        message: Text::new("customers.churn.trained")
            .iso_date("train", history::date_string(c1))
            .int("w", window)
            .iso_date("test", history::date_string(c2)),
        window_days: window,
        train_cutoff: history::date_string(c1),
        test_cutoff: history::date_string(c2),
        train_customers: xtr.len() as u64,
        test_customers: xte.len() as u64,
        test_churn_rate: rate,
        auc_naive_bayes: auc_nb,
        auc_logistic: auc_lr,
        auc_bgnbd,
        auc_bgnbd_expected,
        auc_bgnbd_no_purchase,
        confusion_naive_bayes: Some(churn::Confusion::new(&pnb, &yte, 0.5)),
        confusion_logistic: Some(churn::Confusion::new(&plr, &yte, 0.5)),
        // Without prices the revenue feature is 0 for everyone (weight 0): not listed.
        logistic_weights: churn::FEATURES
            .iter()
            .enumerate()
            .filter(|(_, f)| priced || **f != "ln_revenue")
            .map(|(i, f)| (f.to_string(), lr.weights[i + 1]))
            .collect(),
        explanation: {
            let t = Text::new("customers.churn.explain");
            let t = auc(t, "nb", auc_nb);
            let t = auc(t, "lr", auc_lr);
            let t = auc(t, "alive", auc_bgnbd);
            let t = auc(t, "expected", auc_bgnbd_expected);
            let t = auc(t, "none", auc_bgnbd_no_purchase);
            t.pct("rate", rate, 0).int("w", window)
        },
    })
}

/// The whole Customers analysis (see the module docs). Parameters are validated first.
pub fn run(data: &Dataset, params: &CustomersParams) -> Result<CustomersReport, CustomersError> {
    params.validate()?;
    let measure = Measure::for_priced(data.report.priced);
    let hist = history::histories(&data.lines, None);
    if hist.is_empty() {
        return Err(CustomersError::NoCustomers(NoCustomersWhy::GuestsOnly));
    }
    let last = history::last_day(&data.lines).unwrap_or(0);
    let snapshot = last + 1;
    let mut rows = rfm::compute(&data.lines, &hist, snapshot, measure);
    rfm::add_returns(&mut rows, &data.returns);
    let clusters = cluster_rfm(&mut rows, params.k, params.n_init, params.seed, measure)?;
    let segments = rfm::segment_table(&rows);
    let col = |f: &dyn Fn(&RfmRow) -> f64| rows.iter().map(f).collect::<Vec<f64>>();
    let rfm_summary = RfmSummary {
        recency_days: rfm::stat(&col(&|r| r.recency_days as f64)),
        frequency: rfm::stat(&col(&|r| r.frequency as f64)),
        monetary: rfm::stat(&col(&|r| r.monetary)),
        units: rfm::stat(&col(&|r| r.units)),
        tie_handling: Text::new("customers.rfm.ties"),
        notes: vec![
            Note::new("recency_days", Text::new("customers.note.recency_days")),
            Note::new("frequency", Text::new("customers.note.frequency")),
            match measure {
                Measure::Revenue => Note::new("monetary", Text::new("customers.note.monetary")),
                Measure::Units => Note::new("units", Text::new("customers.note.units")),
            },
            Note::new("r_score", Text::new("customers.note.r_score")),
            Note::new("f_score", Text::new("customers.note.f_score")),
            Note::new(
                "m_score",
                Text::new(match measure {
                    Measure::Revenue => "customers.note.m_score",
                    Measure::Units => "customers.note.m_score_units",
                }),
            ),
        ],
    };
    let mut cohorts = cohorts::compute(&hist, last);
    if measure == Measure::Units {
        cohorts.explanation = Text::new("customers.cohorts.explain_units");
    }
    let clv = clv::clv_from_histories(data, &hist, &params.clv_params())?;
    let ids: Vec<String> = hist
        .iter()
        .map(|h| data.lines.strings.get(h.customer).to_owned())
        .collect();
    let churn = churn_report(
        data,
        &hist,
        &ids,
        params.churn_window_days,
        data.report.priced,
    )?;
    let guests = data
        .lines
        .customer
        .iter()
        .filter(|&&c| c == NONE_ID)
        .count() as u64;
    Ok(CustomersReport {
        params: params.clone(),
        snapshot_date: history::date_string(snapshot),
        customers: hist.len() as u64,
        guest_lines_excluded: guests,
        measure,
        rfm: rows,
        rfm_summary,
        segments,
        clusters,
        cohorts,
        clv,
        churn,
    })
}
