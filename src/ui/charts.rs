//! Our own SVG charts (no JS chart library): axes with "nice" ticks, hover tooltips, legends.
//! Reusable by every page: give them labelled points, they draw.

use super::format;
use super::i18n::t;
use leptos::prelude::*;

pub use crate::viz::{nice_step, ticks};

/// One series of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    /// CSS colour class suffix: "c0", "c1", ...
    pub class: String,
}

/// Bars (first series) with optional lines (further series) over labelled periods.
#[component]
pub fn BarLineChart(
    /// X labels, one per point.
    #[prop(into)]
    labels: Signal<Vec<String>>,
    #[prop(into)] series: Signal<Vec<Series>>,
    /// Accessible title.
    #[prop(into)]
    title: String,
    #[prop(default = 760.0)] width: f64,
    #[prop(default = 280.0)] height: f64,
    /// Format of values in the tooltip.
    #[prop(default = 2)]
    decimals: usize,
    /// Periods the data cover in part: their bars are drawn paler and their tooltip says so.
    #[prop(optional, into)]
    partial: Option<Signal<Vec<bool>>>,
) -> impl IntoView {
    let hover = RwSignal::new(None::<usize>);
    let is_partial =
        move |i: usize| partial.is_some_and(|p| p.with(|p| p.get(i).copied().unwrap_or(false)));
    let (ml, mr, mt, mb) = (64.0, 16.0, 16.0, 44.0);
    let pw = width - ml - mr;
    let ph = height - mt - mb;
    let geometry = Memo::new(move |_| {
        let s = series.get();
        let n = labels.with(Vec::len);
        let max = s
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let min = s
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::min);
        let t = ticks(min, max, 5);
        let lo = t.first().copied().unwrap_or(0.0);
        let hi = t.last().copied().unwrap_or(1.0).max(lo + f64::EPSILON);
        (n, lo, hi, t)
    });
    let y = move |v: f64, lo: f64, hi: f64| mt + ph - (v - lo) / (hi - lo) * ph;
    let view_box = format!("0 0 {width} {height}");
    view! {
        <div class="chart">
            <svg viewBox=view_box role="img" aria-label=title.clone() class="chart-svg"
                on:mouseleave=move |_| hover.set(None)>
                <title>{title.clone()}</title>
                // grid and y axis
                {move || {
                    let (_, lo, hi, t) = geometry.get();
                    t.into_iter().map(|tv| {
                        let yy = y(tv, lo, hi);
                        view! {
                            <line class="grid" x1=ml x2=ml + pw y1=yy y2=yy/>
                            <text class="tick" x=ml - 6.0 y=yy + 4.0 text-anchor="end">{format::compact(tv)}</text>
                        }
                    }).collect_view()
                }}
                // x labels, thinned to about 8 (a "24 Jan 2011" label is ~75 px wide)
                {move || {
                    let (n, _, _, _) = geometry.get();
                    let every = n.div_ceil(8).max(1);
                    let bw = pw / n.max(1) as f64;
                    labels.get().into_iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, l)| {
                        let x = ml + bw * (i as f64 + 0.5);
                        view! { <text class="tick" x=x y=mt + ph + 16.0 text-anchor="middle">{l}</text> }
                    }).collect_view()
                }}
                // bars (first series)
                {move || {
                    let (n, lo, hi, _) = geometry.get();
                    let bw = pw / n.max(1) as f64;
                    let s = series.get();
                    let Some(first) = s.first().cloned() else { return ().into_any() };
                    first.values.iter().enumerate().map(|(i, &v)| {
                        let y0 = y(0.0_f64.max(lo), lo, hi);
                        let yv = y(v, lo, hi);
                        let (top, h) = if yv < y0 { (yv, y0 - yv) } else { (y0, yv - y0) };
                        let class = format!("bar {}", first.class);
                        let part = is_partial(i);
                        view! {
                            <rect class=class x=ml + bw * i as f64 + bw * 0.1 y=top width=(bw * 0.8).max(1.0) height=h.max(0.0)
                                class:hovered=move || hover.get() == Some(i) class:partial=part/>
                        }
                    }).collect_view().into_any()
                }}
                // lines (further series)
                {move || {
                    let (n, lo, hi, _) = geometry.get();
                    let bw = pw / n.max(1) as f64;
                    series.get().into_iter().skip(1).map(|s| {
                        let pts: Vec<String> = s.values.iter().enumerate().filter(|(_, v)| v.is_finite())
                            .map(|(i, &v)| format!("{:.1},{:.1}", ml + bw * (i as f64 + 0.5), y(v, lo, hi))).collect();
                        let class = format!("line {}", s.class);
                        view! { <polyline class=class points=pts.join(" ")/> }
                    }).collect_view()
                }}
                // hover targets
                {move || {
                    let (n, _, _, _) = geometry.get();
                    let bw = pw / n.max(1) as f64;
                    (0..n).map(|i| view! {
                        <rect class="hit" x=ml + bw * i as f64 y=mt width=bw height=ph
                            on:mouseenter=move |_| hover.set(Some(i))/>
                    }).collect_view()
                }}
                <line class="axis" x1=ml x2=ml + pw y1=mt + ph y2=mt + ph/>
                // tooltip
                {move || hover.get().map(|i| {
                    let (n, _, _, _) = geometry.get();
                    let bw = pw / n.max(1) as f64;
                    let mut label = labels.with(|l| l.get(i).cloned().unwrap_or_default());
                    if is_partial(i) {
                        label += t(" (incomplete)", "（不完整）");
                    }
                    let rows: Vec<String> = series.get().iter().map(|s| {
                        format!("{}: {}", s.name, s.values.get(i).map(|v| format::num(*v, decimals)).unwrap_or_default())
                    }).collect();
                    let tw = 200.0;
                    let th = 22.0 + 16.0 * rows.len() as f64;
                    let x = (ml + bw * (i as f64 + 0.5) + 8.0).min(width - tw - 2.0);
                    view! {
                        <g class="tooltip" pointer-events="none">
                            <line class="hoverline" x1=ml + bw * (i as f64 + 0.5) x2=ml + bw * (i as f64 + 0.5) y1=mt y2=mt + ph/>
                            <rect x=x y=mt width=tw height=th rx=4.0/>
                            <text x=x + 8.0 y=mt + 16.0 class="tt-title">{label}</text>
                            {rows.into_iter().enumerate().map(|(k, r)| view! {
                                <text x=x + 8.0 y=mt + 34.0 + 16.0 * k as f64>{r}</text>
                            }).collect_view()}
                        </g>
                    }
                })}
            </svg>
            <div class="legend">
                {move || series.get().into_iter().map(|s| {
                    let class = format!("swatch {}", s.class);
                    view! { <span class="legend-item"><span class=class></span>{s.name}</span> }
                }).collect_view()}
            </div>
        </div>
    }
}

/// One row of a horizontal bar chart: a label and one value per series (shares 0..=1).
#[derive(Debug, Clone, PartialEq)]
pub struct HBarRow {
    pub key: String,
    pub label: String,
    pub values: Vec<f64>,
}

/// Horizontal grouped bars of shares (0..=1), clickable rows.
#[component]
pub fn HBarChart(
    #[prop(into)] rows: Signal<Vec<HBarRow>>,
    /// Series names (legend), one per value.
    series: Vec<&'static str>,
    #[prop(into)] title: String,
    /// Called with the row key on click.
    #[prop(optional)]
    on_select: Option<Callback<String>>,
    /// Key of the selected row, highlighted.
    #[prop(optional, into)]
    selected: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let width = 760.0;
    let label_w = 170.0;
    let row_h = 14.0 * series.len() as f64 + 10.0;
    let n_series = series.len();
    let legend = series.clone();
    view! {
        <div class="chart">
            {move || {
                let rows = rows.get();
                let height = row_h * rows.len() as f64 + 8.0;
                let max = rows.iter().flat_map(|r| r.values.iter().copied()).fold(0.0_f64, f64::max).max(1e-9);
                let pw = width - label_w - 70.0;
                view! {
                    <svg viewBox=format!("0 0 {width} {height}") class="chart-svg" role="img" aria-label=title.clone()>
                        <title>{title.clone()}</title>
                        {rows.into_iter().enumerate().map(|(i, r)| {
                            let y0 = 4.0 + row_h * i as f64;
                            let key = r.key.clone();
                            let key2 = r.key.clone();
                            let is_sel = move || selected.map(|s| s.get().as_deref() == Some(key2.as_str())).unwrap_or(false);
                            view! {
                                <g class="hrow" class:selected=is_sel on:click=move |_| { if let Some(cb) = on_select { cb.run(key.clone()); } }>
                                    <rect class="hit" x=0.0 y=y0 - 2.0 width=width height=row_h/>
                                    <text class="tick" x=label_w - 8.0 y=y0 + row_h / 2.0 text-anchor="end">{r.label.clone()}</text>
                                    {r.values.iter().enumerate().map(|(k, v)| {
                                        let w = (v / max * pw).max(0.0);
                                        let y = y0 + 14.0 * k as f64;
                                        view! {
                                            <rect class=format!("bar c{}", k % n_series.max(1)) x=label_w y=y width=w.max(1.0) height=12.0/>
                                            <text class="tick" x=label_w + w + 4.0 y=y + 10.0>{format::pct(*v)}</text>
                                        }
                                    }).collect_view()}
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                }
            }}
            <div class="legend">
                {legend.iter().enumerate().map(|(k, s)| view! {
                    <span class="legend-item"><span class=format!("swatch c{k}")></span>{*s}</span>
                }).collect_view()}
            </div>
        </div>
    }
}

/// A heatmap of values in 0..=1 (e.g. retention), cells with hover titles; `None` = not observable.
#[component]
pub fn Heatmap(
    row_labels: Vec<String>,
    col_labels: Vec<String>,
    values: Vec<Vec<Option<f64>>>,
    /// Extra hover text per cell.
    hover: Vec<Vec<String>>,
    #[prop(into)] title: String,
    /// The text in each cell; by default the value as a percentage (0..=1 → 0..=100).
    #[prop(optional)]
    shown: Option<Vec<Vec<String>>>,
) -> impl IntoView {
    let cw = 34.0;
    let ch = 20.0;
    let lw = row_labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(4) as f64
        * 6.0
        + 12.0;
    let long_cols = col_labels.iter().any(|c| c.chars().count() > 4);
    let top = if long_cols { 56.0 } else { 22.0 };
    let width = lw + cw * col_labels.len() as f64 + 4.0;
    let height = top + ch * row_labels.len() as f64 + 4.0;
    view! {
        <div class="chart heatmap-wrap">
            <svg viewBox=format!("0 0 {width} {height}") class="heatmap" role="img" aria-label=title.clone()
                style=format!("max-width:{}px", width * 1.6)>
                <title>{title.clone()}</title>
                {col_labels.iter().enumerate().map(|(j, c)| {
                    let x = lw + cw * (j as f64 + 0.5);
                    if long_cols {
                        view! { <text class="tick" x=x y=top - 6.0 transform=format!("rotate(-45 {x} {})", top - 6.0)>{c.clone()}</text> }.into_any()
                    } else {
                        view! { <text class="tick" x=x y=14.0 text-anchor="middle">{c.clone()}</text> }.into_any()
                    }
                }).collect_view()}
                {row_labels.iter().enumerate().map(|(i, r)| {
                    let y = top + ch * i as f64;
                    view! {
                        <text class="tick" x=lw - 6.0 y=y + 14.0 text-anchor="end">{r.clone()}</text>
                        {values.get(i).cloned().unwrap_or_default().into_iter().enumerate().map(|(j, v)| {
                            let x = lw + cw * j as f64;
                            let tip = hover.get(i).and_then(|h| h.get(j)).cloned().unwrap_or_default();
                            let label = shown.as_ref().and_then(|s| s.get(i)?.get(j).cloned());
                            match v {
                                Some(v) => {
                                    let label = label.unwrap_or_else(|| format!("{:.0}", v * 100.0));
                                    let a = v.clamp(0.0, 1.0);
                                    // light blue to deep blue
                                    let l = 96.0 - 60.0 * a.sqrt();
                                    let fill = format!("hsl(205, 60%, {l:.0}%)");
                                    let ink = if l < 60.0 { "#fff" } else { "#1b2430" };
                                    view! {
                                        <g>
                                            <rect x=x y=y width=cw - 1.0 height=ch - 1.0 fill=fill><title>{tip}</title></rect>
                                            <text x=x + cw / 2.0 y=y + 14.0 text-anchor="middle" class="cell" fill=ink pointer-events="none">{label}</text>
                                        </g>
                                    }.into_any()
                                }
                                None => ().into_any(),
                            }
                        }).collect_view()}
                    }
                }).collect_view()}
            </svg>
        </div>
    }
}

/// A shaded band between `lower` and `upper` (e.g. a prediction interval, or one layer of a
/// stacked area when `lower` is the cumulative sum of the layers below).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub name: String,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// CSS class suffix: "c0", "c1", ..., or "interval" / "interval-wide".
    pub class: String,
}

/// Points of `values` as polyline segments, broken where a value is missing (non-finite).
fn segments(values: &[f64], x: impl Fn(usize) -> f64, y: impl Fn(f64) -> f64) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if v.is_finite() {
            cur.push(format!("{:.1},{:.1}", x(i), y(*v)));
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).join(" "));
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Lines over shaded bands on labelled x positions, with a hover tooltip listing every
/// value at the hovered position and an optional vertical marker (e.g. "forecast starts").
/// Missing values (`NaN`) break lines and bands.
#[component]
pub fn BandChart(
    #[prop(into)] labels: Signal<Vec<String>>,
    #[prop(into)] lines: Signal<Vec<Series>>,
    #[prop(into)] bands: Signal<Vec<Band>>,
    #[prop(into)] title: String,
    #[prop(default = 760.0)] width: f64,
    #[prop(default = 300.0)] height: f64,
    #[prop(default = 1)] decimals: usize,
    /// Index of a vertical marker line and its caption.
    #[prop(optional, into)]
    marker: Option<Signal<Option<(usize, String)>>>,
    /// Start the y axis at zero (default) or at the data minimum.
    #[prop(default = true)]
    from_zero: bool,
    /// Show only this many points up to the marker (and all after it) at first, with a
    /// button for the whole history ([`crate::viz::recent_history`]).
    #[prop(optional)]
    recent: Option<usize>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let hover = RwSignal::new(None::<usize>);
    let whole = RwSignal::new(false);
    // Points the recent window leaves out (0: the history fits, no button), and the first
    // point shown: after them, unless the whole history was asked for.
    let hidden = Memo::new(move |_| {
        let at = marker.and_then(|m| m.with(|m| m.as_ref().map(|(i, _)| *i)));
        match (recent, at) {
            (Some(keep), Some(at)) => crate::viz::window_start(at, keep),
            _ => 0,
        }
    });
    let start = Memo::new(move |_| if whole.get() { 0 } else { hidden.get() });
    let from = move |v: &[f64]| v.get(start.get()..).unwrap_or_default().to_vec();
    let labels =
        Signal::derive(move || labels.with(|l| l.get(start.get()..).unwrap_or_default().to_vec()));
    let lines = Signal::derive(move || {
        lines.with(|ls| {
            ls.iter()
                .map(|s| Series {
                    name: s.name.clone(),
                    values: from(&s.values),
                    class: s.class.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let bands = Signal::derive(move || {
        bands.with(|bs| {
            bs.iter()
                .map(|b| Band {
                    name: b.name.clone(),
                    lower: from(&b.lower),
                    upper: from(&b.upper),
                    class: b.class.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let marker = marker
        .map(|m| Signal::derive(move || m.get().map(|(i, c)| (i.saturating_sub(start.get()), c))));
    let toggle = move || {
        let hidden = hidden.get();
        (hidden > 0).then(|| {
            let shown = if whole.get() {
                crate::tr!(
                    "Whole history shown. Show the last {} periods",
                    "已显示全部历史。只显示最近 {} 期",
                    recent.unwrap_or_default()
                )
            } else {
                crate::tr!(
                    "The last {} periods shown. Show the whole history ({} more)",
                    "显示最近 {} 期。显示全部历史（另有 {} 期）",
                    recent.unwrap_or_default(),
                    hidden
                )
            };
            view! {
                <button type="button" class="btn small chart-window" data-testid="chart-window"
                    data-whole=move || whole.get().to_string()
                    on:click=move |_| whole.update(|w| *w = !*w)>{shown}</button>
            }
        })
    };
    let (ml, mr, mt, mb) = (64.0, 16.0, 16.0, 44.0);
    let pw = width - ml - mr;
    let ph = height - mt - mb;
    let geometry = Memo::new(move |_| {
        let n = labels.with(Vec::len);
        let mut lo = if from_zero { 0.0_f64 } else { f64::INFINITY };
        let mut hi = f64::NEG_INFINITY;
        let mut see = |v: f64| {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        };
        lines.with(|ls| {
            ls.iter()
                .flat_map(|s| s.values.iter())
                .for_each(|v| see(*v))
        });
        bands.with(|bs| {
            bs.iter()
                .flat_map(|b| b.lower.iter().chain(b.upper.iter()))
                .for_each(|v| see(*v))
        });
        if !lo.is_finite() || !hi.is_finite() {
            lo = 0.0;
            hi = 1.0;
        }
        let t = ticks(lo, hi, 5);
        let lo = t.first().copied().unwrap_or(lo);
        let hi = t.last().copied().unwrap_or(hi).max(lo + f64::EPSILON);
        (n, lo, hi, t)
    });
    let xpos = move |i: usize, n: usize| {
        if n <= 1 {
            ml + pw / 2.0
        } else {
            ml + pw * i as f64 / (n - 1) as f64
        }
    };
    let ypos = move |v: f64, lo: f64, hi: f64| mt + ph - (v - lo) / (hi - lo) * ph;
    let aria = title.clone();
    view! {
        <div class="chart" data-testid=testid>
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=aria class="chart-svg"
                on:mouseleave=move |_| hover.set(None)>
                <title>{title.clone()}</title>
                {move || {
                    let (_, lo, hi, t) = geometry.get();
                    t.into_iter().map(|tv| {
                        let yy = ypos(tv, lo, hi);
                        view! {
                            <line class="grid" x1=ml x2=ml + pw y1=yy y2=yy/>
                            <text class="tick" x=ml - 6.0 y=yy + 4.0 text-anchor="end">{format::compact(tv)}</text>
                        }
                    }).collect_view()
                }}
                {move || {
                    let (n, _, _, _) = geometry.get();
                    let every = n.div_ceil(10).max(1);
                    // a label cut by the chart's edge is left out (moved in, it would run into
                    // its neighbour)
                    labels.get().into_iter().enumerate()
                        .filter(|(i, l)| i % every == 0 && crate::viz::tick_fits(xpos(*i, n), width, l.chars().count()))
                        .map(|(i, l)| {
                            view! { <text class="tick" x=xpos(i, n) y=mt + ph + 16.0 text-anchor="middle">{l}</text> }
                        }).collect_view()
                }}
                // bands: one closed polygon per run of finite values
                {move || {
                    let (n, lo, hi, _) = geometry.get();
                    bands.get().into_iter().map(|b| {
                        let mut polys = Vec::new();
                        let mut run: Vec<usize> = Vec::new();
                        let m = b.lower.len().min(b.upper.len());
                        for i in 0..=m {
                            let ok = i < m && b.lower[i].is_finite() && b.upper[i].is_finite();
                            if ok {
                                run.push(i);
                            } else if let [k] = run[..] {
                                // one period alone (a one-week promotion): a bar half a step
                                // wide on each side, else it would have no width
                                let half = if n > 1 { (xpos(1, n) - xpos(0, n)) / 2.0 } else { 4.0 };
                                let (x, t, b2) = (xpos(k, n), ypos(b.upper[k], lo, hi), ypos(b.lower[k], lo, hi));
                                let (x0, x1) = ((x - half).max(ml), (x + half).min(ml + pw));
                                polys.push(format!("{x0:.1},{t:.1} {x1:.1},{t:.1} {x1:.1},{b2:.1} {x0:.1},{b2:.1}"));
                                run.clear();
                            } else if !run.is_empty() {
                                let top = run.iter().map(|&k| format!("{:.1},{:.1}", xpos(k, n), ypos(b.upper[k], lo, hi)));
                                let bottom = run.iter().rev().map(|&k| format!("{:.1},{:.1}", xpos(k, n), ypos(b.lower[k], lo, hi)));
                                polys.push(top.chain(bottom).collect::<Vec<_>>().join(" "));
                                run.clear();
                            }
                        }
                        let class = format!("band {}", b.class);
                        polys.into_iter().map(|p| view! { <polygon class=class.clone() points=p/> }).collect_view()
                    }).collect_view()
                }}
                {move || {
                    let (n, lo, hi, _) = geometry.get();
                    lines.get().into_iter().map(|s| {
                        let class = format!("line {}", s.class);
                        segments(&s.values, |i| xpos(i, n), |v| ypos(v, lo, hi)).into_iter()
                            .map(|pts| view! { <polyline class=class.clone() points=pts/> }).collect_view()
                    }).collect_view()
                }}
                {move || marker.and_then(|m| m.get()).map(|(i, caption)| {
                    let (n, _, _, _) = geometry.get();
                    let x = xpos(i, n);
                    let (tx, anchor) =
                        crate::viz::caption_beside(x, ml + pw, caption.chars().count());
                    view! {
                        <line class="marker" x1=x x2=x y1=mt y2=mt + ph/>
                        <text class="tick marker-text" x=tx y=mt + 10.0 text-anchor=anchor>{caption}</text>
                    }
                })}
                {move || {
                    let (n, _, _, _) = geometry.get();
                    let step = pw / n.max(1) as f64;
                    (0..n).map(|i| view! {
                        <rect class="hit" x=xpos(i, n) - step / 2.0 y=mt width=step height=ph
                            on:mouseenter=move |_| hover.set(Some(i))/>
                    }).collect_view()
                }}
                <line class="axis" x1=ml x2=ml + pw y1=mt + ph y2=mt + ph/>
                {move || hover.get().map(|i| {
                    let (n, _, _, _) = geometry.get();
                    let label = labels.with(|l| l.get(i).cloned().unwrap_or_default());
                    let mut rows: Vec<String> = lines.get().iter().filter_map(|s| {
                        s.values.get(i).filter(|v| v.is_finite()).map(|v| format!("{}: {}", s.name, format::num(*v, decimals)))
                    }).collect();
                    rows.extend(bands.get().iter().filter_map(|b| {
                        match (b.lower.get(i), b.upper.get(i)) {
                            (Some(l), Some(u)) if l.is_finite() && u.is_finite() =>
                                Some(format!("{}: {} – {}", b.name, format::num(*l, decimals), format::num(*u, decimals))),
                            _ => None,
                        }
                    }));
                    let tw = 230.0;
                    let th = 22.0 + 16.0 * rows.len() as f64;
                    let xx = xpos(i, n);
                    let x = if xx + 8.0 + tw > width { xx - tw - 8.0 } else { xx + 8.0 };
                    view! {
                        <g class="tooltip" pointer-events="none">
                            <line class="hoverline" x1=xx x2=xx y1=mt y2=mt + ph/>
                            <rect x=x y=mt width=tw height=th rx=4.0/>
                            <text x=x + 8.0 y=mt + 16.0 class="tt-title">{label}</text>
                            {rows.into_iter().enumerate().map(|(k, r)| view! {
                                <text x=x + 8.0 y=mt + 34.0 + 16.0 * k as f64>{r}</text>
                            }).collect_view()}
                        </g>
                    }
                })}
            </svg>
            {toggle}
            <div class="legend">
                {move || lines.get().into_iter().map(|s| {
                    let class = format!("swatch {}", s.class);
                    view! { <span class="legend-item"><span class=class></span>{s.name}</span> }
                }).collect_view()}
                {move || bands.get().into_iter().map(|b| {
                    let class = format!("swatch band-swatch {}", b.class);
                    view! { <span class="legend-item"><span class=class></span>{b.name}</span> }
                }).collect_view()}
            </div>
        </div>
    }
}

/// One point of a [`ScatterChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    /// Group index (colour class `c{group % 5}`).
    pub group: usize,
    /// Hover text.
    pub label: String,
}

/// A scatter plot; with `log_x`/`log_y` the axis is log10 (values ≤ 0 are drawn at the
/// smallest positive value). Groups are coloured and named in the legend.
#[component]
pub fn ScatterChart(
    points: Vec<Point>,
    groups: Vec<String>,
    #[prop(into)] title: String,
    #[prop(into)] x_label: String,
    #[prop(into)] y_label: String,
    #[prop(default = false)] log_x: bool,
    #[prop(default = false)] log_y: bool,
    #[prop(default = 760.0)] width: f64,
    #[prop(default = 340.0)] height: f64,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let (ml, mr, mt, mb) = (64.0, 16.0, 16.0, 48.0);
    let pw = width - ml - mr;
    let ph = height - mt - mb;
    let tr = |v: f64, log: bool, floor: f64| {
        if log {
            v.max(floor).log10()
        } else {
            v
        }
    };
    let floor = |f: &dyn Fn(&Point) -> f64| {
        points
            .iter()
            .map(f)
            .filter(|v| *v > 0.0)
            .fold(f64::INFINITY, f64::min)
            .min(1.0)
    };
    let fx = floor(&|p: &Point| p.x);
    let fy = floor(&|p: &Point| p.y);
    let range = |vals: Vec<f64>| {
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi.is_finite() {
            (lo, hi.max(lo + 1e-9))
        } else {
            (0.0, 1.0)
        }
    };
    let (x0, x1) = range(points.iter().map(|p| tr(p.x, log_x, fx)).collect());
    let (y0, y1) = range(points.iter().map(|p| tr(p.y, log_y, fy)).collect());
    let axis_ticks = |lo: f64, hi: f64, log: bool| -> Vec<(f64, String)> {
        if log {
            (lo.floor() as i32..=hi.ceil() as i32)
                .map(|e| (e as f64, format::compact(10f64.powi(e))))
                .filter(|(v, _)| *v >= lo - 1e-9 && *v <= hi + 1e-9)
                .collect()
        } else {
            ticks(lo, hi, 5)
                .into_iter()
                .filter(|v| *v >= lo - 1e-9 && *v <= hi + 1e-9)
                .map(|v| (v, format::compact(v)))
                .collect()
        }
    };
    let sx = move |v: f64| ml + (v - x0) / (x1 - x0) * pw;
    let sy = move |v: f64| mt + ph - (v - y0) / (y1 - y0) * ph;
    let xt = axis_ticks(x0, x1, log_x);
    let yt = axis_ticks(y0, y1, log_y);
    view! {
        <div class="chart" data-testid=testid>
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=title.clone() class="chart-svg">
                <title>{title.clone()}</title>
                {yt.into_iter().map(|(v, l)| view! {
                    <line class="grid" x1=ml x2=ml + pw y1=sy(v) y2=sy(v)/>
                    <text class="tick" x=ml - 6.0 y=sy(v) + 4.0 text-anchor="end">{l}</text>
                }).collect_view()}
                {xt.into_iter().map(|(v, l)| view! {
                    <text class="tick" x=sx(v) y=mt + ph + 16.0 text-anchor="middle">{l}</text>
                }).collect_view()}
                <text class="tick axis-label" x=ml + pw / 2.0 y=height - 6.0 text-anchor="middle">{x_label}</text>
                <text class="tick axis-label" x=12.0 y=mt + ph / 2.0 text-anchor="middle"
                    transform=format!("rotate(-90 12 {})", mt + ph / 2.0)>{y_label}</text>
                <line class="axis" x1=ml x2=ml + pw y1=mt + ph y2=mt + ph/>
                {points.into_iter().map(|p| {
                    let class = format!("dot c{}", p.group % 5);
                    view! {
                        <circle class=class cx=format!("{:.1}", sx(tr(p.x, log_x, fx))) cy=format!("{:.1}", sy(tr(p.y, log_y, fy))) r="2.6">
                            <title>{p.label}</title>
                        </circle>
                    }
                }).collect_view()}
            </svg>
            <div class="legend">
                {groups.into_iter().enumerate().map(|(k, g)| view! {
                    <span class="legend-item"><span class=format!("swatch c{}", k % 5)></span>{g}</span>
                }).collect_view()}
            </div>
        </div>
    }
}
