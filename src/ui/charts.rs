//! Our own SVG charts (no JS chart library): axes with "nice" ticks, hover tooltips, legends.
//! Reusable by every page: give them labelled points, they draw.

use super::format;
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
) -> impl IntoView {
    let hover = RwSignal::new(None::<usize>);
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
                // x labels, thinned to about 12
                {move || {
                    let (n, _, _, _) = geometry.get();
                    let every = n.div_ceil(12).max(1);
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
                        view! {
                            <rect class=class x=ml + bw * i as f64 + bw * 0.1 y=top width=(bw * 0.8).max(1.0) height=h.max(0.0)
                                class:hovered=move || hover.get() == Some(i)/>
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
                    let label = labels.with(|l| l.get(i).cloned().unwrap_or_default());
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
                            match v {
                                Some(v) => {
                                    let a = v.clamp(0.0, 1.0);
                                    // light blue to deep blue
                                    let l = 96.0 - 60.0 * a.sqrt();
                                    let fill = format!("hsl(205, 60%, {l:.0}%)");
                                    let ink = if l < 60.0 { "#fff" } else { "#1b2430" };
                                    view! {
                                        <g>
                                            <rect x=x y=y width=cw - 1.0 height=ch - 1.0 fill=fill><title>{tip}</title></rect>
                                            <text x=x + cw / 2.0 y=y + 14.0 text-anchor="middle" class="cell" fill=ink pointer-events="none">{format!("{:.0}", v * 100.0)}</text>
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
