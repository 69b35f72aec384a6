//! Overview: KPIs (with their change against an earlier period for a date range), revenue or
//! new and returning customers by week or month, when customers order, top products and
//! countries, date filter.

use super::{Kpi, KpiChange, NeedData};
use crate::analytics::overview::compare::{compare_periods, KpiKey};
use crate::analytics::overview::{Comparison, OverviewParams, UNKNOWN_COUNTRY};
use crate::ui::bridge;
use crate::ui::charts::{BarLineChart, Heatmap, Series};
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::state::AppState;
use crate::ui::table::{self, Cell, Column, DataTable};
use leptos::prelude::*;

/// The products table's columns (no revenue for data without prices).
/// `with_sku` false when products are known by their name only (no SKU column: the SKU is the
/// name, shown once); `compared` adds the change against the period compared with.
fn product_columns(priced: bool, with_sku: bool, compared: Option<Comparison>) -> Vec<Column> {
    let mut c = Vec::new();
    if with_sku {
        c.push(Column::text("sku", t("SKU", "货号")));
    }
    c.push(Column::text("name", t("Product", "商品")));
    if priced {
        c.push(Column::num("revenue", t("Revenue", "销售额")));
    }
    c.extend([
        Column::num("quantity", t("Units", "件数")),
        Column::num("orders", t("Orders", "订单数")),
        Column::num("customers", t("Customers", "客户数")),
    ]);
    match compared {
        Some(Comparison::DaysBefore) => {
            c.push(Column::num("change", t("Change vs before", "较之前变化")))
        }
        Some(Comparison::YearBefore) => c.push(Column::num(
            "change",
            t("Change vs a year before", "较去年同期变化"),
        )),
        None => {}
    }
    c
}

/// A product's change against the period before ([`ProductRow::change`]): "new" (sorted
/// first) when it did not sell then.
///
/// [`ProductRow::change`]: crate::analytics::overview::ProductRow::change
fn product_change(r: f64) -> Cell {
    Cell::Num {
        value: r,
        shown: if r.is_finite() {
            format!("{}%", super::datasets::signed(r * 100.0, 1))
        } else {
            t("new", "新").to_string()
        },
    }
}

/// The countries table's columns (no revenue for data without prices).
fn country_columns(priced: bool) -> Vec<Column> {
    let mut c = vec![Column::text("country", t("Country", "国家/地区"))];
    if priced {
        c.push(Column::num("revenue", t("Revenue", "销售额")));
    }
    c.extend([
        Column::num("orders", t("Orders", "订单数")),
        Column::num("customers", t("Customers", "客户数")),
    ]);
    c
}

/// A count in a table cell.
fn count(n: u64) -> Cell {
    Cell::Num {
        value: n as f64,
        shown: format::int(n),
    }
}

/// The lines left out of the top products (postage, fees, adjustments): one sentence with
/// their total, the lines and reasons behind a disclosure. Nothing when there are none.
fn non_products(o: &crate::analytics::overview::OverviewReport, sym: &str) -> Option<AnyView> {
    if o.non_products.is_empty() {
        return None;
    }
    let n = o.non_products.len();
    let names = o
        .non_products
        .iter()
        .map(|p| p.name.as_str())
        .take(3)
        .collect::<Vec<_>>()
        .join(", ");
    let more = if n > 3 { t(", …", "，…") } else { "" };
    let summary = if o.priced {
        crate::tr!(
            "Left out of this list as not goods ({}): {}{}: {} of revenue, which the totals above include.",
            "非商品，未列入此表（{} 项）：{}{}，销售额 {}，已计入上方的总数。",
            format::int(n as u64),
            names,
            more,
            format::money(o.non_products_revenue, sym)
        )
    } else {
        crate::tr!(
            "Left out of this list as not goods ({}): {}{}: {} units, which the totals above include.",
            "非商品，未列入此表（{} 项）：{}{}，{} 件，已计入上方的总数。",
            format::int(n as u64),
            names,
            more,
            format::num(o.non_products_units, 0)
        )
    };
    let items = o
        .non_products
        .iter()
        .map(|p| {
            let amount = if o.priced {
                format::money(p.revenue, sym)
            } else {
                crate::tr!("{} units", "{} 件", format::num(p.quantity, 0))
            };
            let reason = p.not_a_product.as_ref().map(say).unwrap_or_default();
            let code = if p.sku.is_empty() || p.sku == p.name {
                String::new()
            } else {
                format!("{} ", p.sku)
            };
            view! { <li>{crate::tr!("{}{}: {} ({})", "{}{}：{}（{}）", code, p.name, amount, reason)}</li> }
        })
        .collect_view();
    Some(
        view! {
            <details class="how" data-testid="non-products">
                <summary>{summary}</summary>
                <ul class="small">{items}</ul>
                <p class="small">{t("Lines are recognised by their code (POST, DOT, M, …) or by a word in their description (postage, carriage, fee, manual, discount, gift card, voucher, …), the same rules as on the Products page.",
                    "按编码（POST、DOT、M 等）或描述中的词（邮费、运费、手续费、手工、折扣、礼品卡、代金券等）识别，规则与“商品”页相同。")}</p>
            </details>
        }
        .into_any(),
    )
}

/// Orders by weekday and hour ([`BuyingTimes`]): the busiest hour in a sentence and a heatmap
/// of the hours with any order (weekdays only for a file without times). Nothing without orders.
///
/// [`BuyingTimes`]: crate::analytics::overview::BuyingTimes
fn buying_times(o: &crate::analytics::overview::OverviewReport, sym: &str) -> Option<AnyView> {
    let bt = &o.buying_times;
    let (bw, bh, most) = bt.busiest()?;
    let hours: Vec<usize> = if bt.has_times {
        bt.hour_span().collect()
    } else {
        vec![0]
    };
    let summary = if bt.has_times {
        crate::tr!(
            "Busiest hour: {} {:02}:00–{:02}:00, {} orders ({} of all).",
            "最繁忙的时段：{} {:02}:00–{:02}:00，{} 单（占全部的 {}）。",
            format::weekday(bw),
            bh,
            bh + 1,
            format::int(most),
            format::pct(bt.share(most))
        )
    } else {
        crate::tr!(
            "The file has dates but no times of day, so orders are shown by weekday only. Busiest day: {}, {} orders ({} of all).",
            "文件只有日期没有时间，因此只按星期显示订单。最繁忙的一天：{}，{} 单（占全部的 {}）。",
            format::weekday(bw),
            format::int(most),
            format::pct(bt.share(most))
        )
    };
    let cell = |w: usize, h: usize| bt.at(w, h).0;
    let max = most.max(1) as f64;
    let values = (0..7)
        .map(|w| {
            hours
                .iter()
                .map(|&h| Some(cell(w, h) as f64 / max))
                .collect()
        })
        .collect();
    let shown = (0..7)
        .map(|w| {
            hours
                .iter()
                .map(|&h| match cell(w, h) {
                    0 => String::new(),
                    n => format::compact(n as f64),
                })
                .collect()
        })
        .collect();
    let hover = (0..7)
        .map(|w| {
            hours
                .iter()
                .map(|&h| {
                    let when = if bt.has_times {
                        format!("{} {h:02}:00–{h:02}:59", format::weekday(w))
                    } else {
                        format::weekday(w)
                    };
                    let (_, amount, units) = bt.at(w, h);
                    let amount = if o.priced {
                        crate::tr!("revenue {}", "销售额 {}", format::money(amount, sym))
                    } else {
                        crate::tr!("{} units", "{} 件", format::num(units, 0))
                    };
                    crate::tr!(
                        "{}: {} orders, {}",
                        "{}：{} 单，{}",
                        when,
                        format::int(cell(w, h)),
                        amount
                    )
                })
                .collect()
        })
        .collect();
    let rows = (0..7).map(format::weekday_short).collect();
    let cols = if bt.has_times {
        hours.iter().map(|h| h.to_string()).collect()
    } else {
        vec![t("all day", "全天").to_string()]
    };
    Some(
        view! {
            <section class="card" data-testid="buying-times">
                <h2>{t("When customers order", "顾客何时下单")}</h2>
                <p data-testid="busiest">{summary}</p>
                <Heatmap row_labels=rows col_labels=cols values=values hover=hover shown=shown
                    title=t("Orders by weekday and hour of the day", "按星期和时段的订单数").to_string()/>
                <details class="how"><summary>{t("How was this computed?", "这是怎么算的？")}</summary>
                    <p>{t("Each order counts once, at the time of its first line, in the times the file gives (no time-zone conversion). Columns are hours of the day (12 = 12:00–12:59), from the first to the last hour with any order; the darker the cell, the more orders. Hover a cell for its orders and revenue. Useful for when to send emails, run ads or staff the shop.",
                        "每个订单按其第一条明细的时间计一次，时间按文件原样（不做时区换算）。列为一天中的小时（12 表示 12:00–12:59），从第一个到最后一个有订单的小时；颜色越深，订单越多。鼠标悬停可看该格的订单数和销售额。可用来决定何时发邮件、投广告或安排人手。")}</p>
                </details>
            </section>
        }
        .into_any(),
    )
}

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_data = move || state.report.with(Option::is_some);
    view! {
        <Show when=has_data fallback=|| view! { <NeedData/> }>
            <OverviewBody/>
        </Show>
    }
}

#[component]
fn OverviewBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ov = state.overview;
    let set_params = move |params: OverviewParams| {
        state.overview_params.set(params.clone());
        bridge::request_overview(params);
    };
    let set_range = move |from: Option<String>, to: Option<String>| {
        set_params(OverviewParams {
            date_from: from.filter(|s| !s.is_empty()),
            date_to: to.filter(|s| !s.is_empty()),
            ..state.overview_params.get_untracked()
        })
    };
    let set_compare = move |key: String| {
        if let Some(compare) = Comparison::from_key(&key) {
            set_params(OverviewParams {
                compare,
                ..state.overview_params.get_untracked()
            })
        }
    };
    let has_range = move || {
        state
            .overview_params
            .with(|p| p.date_from.is_some() || p.date_to.is_some())
    };
    let cur_compare = move || state.overview_params.with(|p| p.compare);
    let kpi = move |f: fn(&crate::analytics::overview::Kpis) -> f64| {
        Signal::derive(move || ov.with(|o| o.as_ref().map(|o| f(&o.kpis)).unwrap_or(0.0)))
    };
    let revenue = kpi(|k| k.revenue);
    let orders = kpi(|k| k.orders as f64);
    let customers = kpi(|k| k.customers as f64);
    let new_customers = kpi(|k| k.new_customers as f64);
    let returning = kpi(|k| k.returning_customer_rate);
    // New and returning customers mean something for a date range only (over all dates every
    // customer is new): two more cards then, four to a row.
    let ranged = Memo::new(move |_| {
        ov.with(|o| {
            o.as_ref()
                .is_some_and(|o| o.params.date_from.is_some() || o.params.date_to.is_some())
        })
    });
    let aov = kpi(|k| k.average_order_value);
    let repeat = kpi(|k| k.repeat_purchase_rate);
    let returns = kpi(|k| k.returns_rate);
    let units = kpi(|k| k.units);
    let units_per_order = kpi(|k| k.units_per_order);
    // Changes against the period before the date range (none for all dates).
    let changes = Memo::new(move |_| {
        ov.with(|o| {
            o.as_ref().and_then(|o| {
                let prev = o.previous.as_ref()?;
                let before = prev.kpis.as_ref()?;
                Some((
                    prev.from.clone(),
                    prev.to.clone(),
                    compare_periods(&o.kpis, before),
                ))
            })
        })
    });
    let change = move |key: KpiKey| {
        Signal::derive(move || {
            changes.with(|c| {
                let (from, to, deltas) = c.as_ref()?;
                let d = deltas.iter().find(|d| d.key == key)?;
                let arrow = match d.delta.partial_cmp(&0.0) {
                    Some(std::cmp::Ordering::Greater) => "▲",
                    Some(std::cmp::Ordering::Less) => "▼",
                    _ => "=",
                };
                let amount = match (key.is_rate(), d.relative) {
                    (false, Some(r)) => format!("{}%", super::datasets::signed(r * 100.0, 1)),
                    _ => super::datasets::delta_shown(key, d.delta, d.relative),
                };
                Some(KpiChange {
                    text: format!("{arrow} {amount}"),
                    title: crate::tr!(
                        "{} – {}: {}; change {}",
                        "{} – {}：{}；变化 {}",
                        format::date(from),
                        format::date(to),
                        super::datasets::kpi_shown(key, d.other),
                        super::datasets::delta_shown(key, d.delta, d.relative)
                    ),
                    class: match d.improvement() {
                        std::cmp::Ordering::Greater => "good",
                        std::cmp::Ordering::Less => "bad",
                        std::cmp::Ordering::Equal => "same",
                    },
                })
            })
        })
    };
    // The sentence above the KPIs naming the period compared with, or why there is none.
    let previous_line = move || {
        ov.with(|o| {
            let prev = o.as_ref()?.previous.as_ref()?;
            let dates = format::date_range(&prev.from, &prev.to);
            let text = match (prev.basis, prev.kpis.is_some()) {
                (Comparison::DaysBefore, true) => crate::tr!(
                    "Changes against the {} days before: {}.",
                    "与之前 {} 天（{}）相比的变化。",
                    format::int(prev.days as u64),
                    dates
                ),
                (Comparison::DaysBefore, false) => crate::tr!(
                    "No comparison with the {} days before ({}): the data start on {}.",
                    "无法与之前 {} 天（{}）比较：数据从 {} 开始。",
                    format::int(prev.days as u64),
                    dates,
                    format::date(&prev.data_from)
                ),
                (Comparison::YearBefore, true) => crate::tr!(
                    "Changes against the same dates a year before: {}.",
                    "与去年同期（{}）相比的变化。",
                    dates
                ),
                (Comparison::YearBefore, false) => crate::tr!(
                    "No comparison with the same dates a year before ({}): the data start on {}.",
                    "无法与去年同期（{}）比较：数据从 {} 开始。",
                    dates,
                    format::date(&prev.data_from)
                ),
            };
            // The earlier period opens the data: all its customers look new.
            let caveat = (prev.kpis.is_some() && prev.from == prev.data_from).then(|| {
                t(
                    " It starts with the data, so every customer in it counts as new.",
                    "对比期从数据的第一天开始，因此其中所有客户都算作新客户。",
                )
            });
            Some(view! { <p class="muted small" data-testid="previous-period">{text}{caveat}</p> })
        })
    };
    let sym = Signal::derive(move || state.money_symbol());
    // A file without prices: units stand in for revenue everywhere on the page.
    // A memo: the tables below are rebuilt only when it changes, not on every new report.
    let priced = Memo::new(move |_| ov.with(|o| o.as_ref().is_none_or(|o| o.priced)));
    // Products keyed by their name (a file without a SKU column): one column, not two equal ones.
    let with_sku = Memo::new(move |_| {
        ov.with(|o| {
            o.as_ref()
                .is_some_and(|o| o.products.iter().any(|p| p.sku != p.name))
        })
    });

    // Products carry their sales of the period compared with (when the data cover it).
    let compared = Memo::new(move |_| {
        ov.with(|o| {
            let prev = o.as_ref()?.previous.as_ref()?;
            prev.kpis.is_some().then_some(prev.basis)
        })
    });

    let monthly = RwSignal::new(false);
    // The chart shows new and returning customers instead of revenue.
    let by_customers = RwSignal::new(false);
    let has_customers =
        Memo::new(move |_| ov.with(|o| o.as_ref().is_some_and(|o| o.kpis.customers > 0)));
    let labels = Signal::derive(move || {
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let pts = if monthly.get() { &o.monthly } else { &o.weekly };
                    pts.iter()
                        .map(|p| {
                            if monthly.get() {
                                format::month(&p.start)
                            } else {
                                format::date(&p.start)
                            }
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    // Periods the data (or the chosen dates) cover in part: paler bars and a note.
    let partial = Signal::derive(move || {
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let pts = if monthly.get() { &o.monthly } else { &o.weekly };
                    pts.iter().map(|p| p.incomplete).collect::<Vec<bool>>()
                })
                .unwrap_or_default()
        })
    });
    let partial_note = move || {
        ov.with(|o| {
            let o = o.as_ref()?;
            let pts = if monthly.get() { &o.monthly } else { &o.weekly };
            let (first, last) = (pts.first()?, pts.last()?);
            if !first.incomplete && !last.incomplete {
                return None;
            }
            let (from, to) = (o.shown_from.clone()?, o.shown_to.clone()?);
            let month = monthly.get();
            let mut which = Vec::new();
            if first.incomplete {
                which.push(match month {
                    false => crate::tr!("the first week is counted from {}", "第一周从 {} 起计", format::date(&from)),
                    true => crate::tr!("the first month is counted from {}", "第一个月从 {} 起计", format::date(&from)),
                });
            }
            if last.incomplete {
                which.push(match month {
                    false => crate::tr!("the last week up to {}", "最后一周只计到 {}", format::date(&to)),
                    true => crate::tr!("the last month up to {}", "最后一个月只计到 {}", format::date(&to)),
                });
            }
            let which = which.join(t("; ", "；"));
            Some(match month {
                false => crate::tr!("Paler bars are incomplete weeks: {}. They hold only part of a week on which the shop usually sells, so a lower bar there is not a drop in sales.",
                    "颜色较浅的柱子是不完整的周：{}。它们只包含店铺通常有销售的一周中的一部分，所以那里的柱子较低并不代表销量下降。", which),
                true => crate::tr!("Paler bars are incomplete months: {}. They hold only part of a month on which the shop usually sells, so a lower bar there is not a drop in sales.",
                    "颜色较浅的柱子是不完整的月份：{}。它们只包含店铺通常有销售的一个月中的一部分，所以那里的柱子较低并不代表销量下降。", which),
            })
        })
        .map(|s| view! { <p class="muted small" data-testid="partial-periods">{s}</p> })
    };
    let series = Signal::derive(move || {
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let pts = if monthly.get() { &o.monthly } else { &o.weekly };
                    if by_customers.get() {
                        return vec![
                            Series {
                                name: t("New customers", "新客户").into(),
                                values: pts.iter().map(|p| p.new_customers as f64).collect(),
                                class: "c0".into(),
                            },
                            Series {
                                name: t("Returning customers", "回头客").into(),
                                values: pts
                                    .iter()
                                    .map(|p| p.customers.saturating_sub(p.new_customers) as f64)
                                    .collect(),
                                class: "c1".into(),
                            },
                        ];
                    }
                    let value = |p: &crate::analytics::overview::PeriodPoint| {
                        if o.priced {
                            p.revenue
                        } else {
                            p.units
                        }
                    };
                    let mut out = vec![Series {
                        name: if o.priced {
                            t("Revenue", "销售额")
                        } else {
                            t("Units", "件数")
                        }
                        .into(),
                        values: pts.iter().map(value).collect(),
                        class: "c0".into(),
                    }];
                    // The period compared with, drawn on the range's own periods (core-aligned).
                    if let Some(prev) = o.previous.as_ref().filter(|p| p.kpis.is_some()) {
                        let before = if monthly.get() {
                            &prev.monthly
                        } else {
                            &prev.weekly
                        };
                        out.push(Series {
                            name: match prev.basis {
                                Comparison::DaysBefore => t("The days before", "之前"),
                                Comparison::YearBefore => t("A year before", "去年同期"),
                            }
                            .into(),
                            values: before.iter().map(value).collect(),
                            class: "c1".into(),
                        });
                    }
                    out
                })
                .unwrap_or_default()
        })
    });
    let products = Signal::derive(move || {
        let sym = sym.get();
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let with_sku = o.products.iter().any(|p| p.sku != p.name);
                    o.products
                        .iter()
                        .map(|p| {
                            let revenue = o.priced.then(|| table::money(p.revenue, &sym));
                            let sku = with_sku.then(|| Cell::Text(p.sku.clone()));
                            let change = p.change(o.priced).map(product_change);
                            sku.into_iter()
                                .chain([Cell::Text(p.name.clone())])
                                .chain(revenue)
                                .chain([
                                    Cell::Num {
                                        value: p.quantity,
                                        shown: format::num(p.quantity, 0),
                                    },
                                    count(p.orders),
                                    count(p.customers),
                                ])
                                .chain(change)
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    // No country column at all: a sentence instead of a one-row "Unknown" table.
    let no_country = Memo::new(move |_| {
        ov.with(|o| {
            o.as_ref().is_some_and(|o| {
                !o.countries.is_empty() && o.countries.iter().all(|c| c.country == UNKNOWN_COUNTRY)
            })
        })
    });
    let countries = Signal::derive(move || {
        let sym = sym.get();
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.countries
                        .iter()
                        .map(|c| {
                            let revenue = o.priced.then(|| table::money(c.revenue, &sym));
                            // The core's bucket of lines without a country, in the UI language.
                            let name = if c.country == UNKNOWN_COUNTRY {
                                t("Unknown", "未知").to_string()
                            } else {
                                c.country.clone()
                            };
                            [Cell::Text(name)]
                                .into_iter()
                                .chain(revenue)
                                .chain([count(c.orders), count(c.customers)])
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let bound_from = move || {
        ov.with(|o| {
            o.as_ref()
                .and_then(|o| o.data_from.clone())
                .unwrap_or_default()
        })
    };
    let bound_to = move || {
        ov.with(|o| {
            o.as_ref()
                .and_then(|o| o.data_to.clone())
                .unwrap_or_default()
        })
    };
    let cur_from = move || {
        state
            .overview_params
            .with(|p| p.date_from.clone().unwrap_or_default())
    };
    let cur_to = move || {
        state
            .overview_params
            .with(|p| p.date_to.clone().unwrap_or_default())
    };

    view! {
        <div class="page-head">
            <h1>{t("Overview", "概览")}</h1>
            <div class="range" role="group" aria-label=t("Date range", "日期范围")>
                <label>{t("From ", "从 ")}
                    <input type="date" data-testid="date-from" min=bound_from max=bound_to prop:value=cur_from
                        on:change=move |ev| set_range(Some(event_target_value(&ev)), state.overview_params.get_untracked().date_to)/>
                </label>
                <label>{t(" to ", " 到 ")}
                    <input type="date" data-testid="date-to" min=bound_from max=bound_to prop:value=cur_to
                        on:change=move |ev| set_range(state.overview_params.get_untracked().date_from, Some(event_target_value(&ev)))/>
                </label>
                <Show when=has_range>
                    <label>{t(" compared with ", " 对比 ")}
                        <select data-testid="compare-with"
                            on:change=move |ev| set_compare(event_target_value(&ev))>
                            <option value=Comparison::DaysBefore.key() selected=move || cur_compare() == Comparison::DaysBefore>{t("the days before", "之前相同天数")}</option>
                            <option value=Comparison::YearBefore.key() selected=move || cur_compare() == Comparison::YearBefore>{t("the same dates a year before", "去年同期")}</option>
                        </select>
                    </label>
                </Show>
                <button class="btn small" on:click=move |_| set_range(None, None)>{t("All dates", "全部日期")}</button>
                <super::datasets::ForgetButton/>
            </div>
        </div>
        <Show when=move || !priced.get()>
            <p class="note" data-testid="unpriced-note">{t("This file has no price or amount column, so it is read as quantities only: units stand in for revenue on this page. Products (basket rules, recommendations), Forecast, Customers (segments, purchase predictions), Inventory (reorder points) and the Action plan work in units; lifetime value in money and purchase budgets need prices. If the file does have a price column, map it on the Data page.",
                "本文件没有价格或金额列，因此只按数量读取：本页用件数代替销售额。商品（购物篮规则、推荐）、预测、客户（分层、购买预测）、库存（补货点）和行动计划按件数计算；以金额计的终身价值和采购预算需要价格。如果文件其实有价格列，请在数据页指定。")}</p>
        </Show>
        {previous_line}
        <div class="kpis" class:eight=move || ranged.get()>
            <Show when=move || priced.get() fallback=move || view! {
                <Kpi testid="kpi-units" change=change(KpiKey::Units) label=t("Units sold", "售出件数") value=units
                    shown=Signal::derive(move || format::num(units.get(), 0))
                    help=t("Sum of quantities over all kept sale lines in the range (1 per line when the file has no quantity column). The file has no prices, so there is no revenue.",
                        "范围内所有保留的销售明细的数量之和（文件没有数量列时每行计 1）。文件没有价格，因此没有销售额。")/>
            }>
                <Kpi testid="kpi-revenue" change=change(KpiKey::Revenue) label=t("Revenue", "销售额") value=revenue
                    shown=Signal::derive(move || format::money(revenue.get(), &sym.get()))
                    help=t("Sum of quantity × unit price over all kept sale lines in the range (cancellations, returns and lines with zero or negative quantity or price are excluded; guest orders are included).",
                        "范围内所有保留的销售明细的数量 × 单价之和（不含取消、退货以及数量或价格为零或负数的明细；包含游客订单）。")/>
            </Show>
            <Kpi testid="kpi-orders" change=change(KpiKey::Orders) label=t("Orders", "订单数") value=orders
                shown=Signal::derive(move || format::num(orders.get(), 0))
                help=t("Number of distinct order ids with at least one kept sale line.", "至少有一条保留销售明细的不同订单号的数量。")/>
            <Kpi testid="kpi-customers" change=change(KpiKey::Customers) label=t("Customers", "客户数") value=customers
                shown=Signal::derive(move || format::num(customers.get(), 0))
                help=t("Number of distinct customer ids that bought in the range. Guest orders (no customer id) are not counted.",
                    "范围内有购买的不同客户编号的数量。游客订单（无客户编号）不计入。")/>
            <Show when=move || ranged.get()>
                <Kpi testid="kpi-new-customers" change=change(KpiKey::NewCustomers) label=t("New customers", "新客户") value=new_customers
                    shown=Signal::derive(move || format::num(new_customers.get(), 0))
                    help=t("Customers whose first purchase in the data falls in the range. Customers who bought before the file starts look new in its first weeks.",
                        "在数据中首次购买落在该范围内的客户。文件开始之前就买过的客户，在文件最初几周里会显示为新客户。")/>
            </Show>
            <Show when=move || priced.get() fallback=move || view! {
                <Kpi testid="kpi-units-per-order" label=t("Units per order", "每单件数") value=units_per_order
                    shown=Signal::derive(move || format::num(units_per_order.get(), 2))
                    help=t("Units sold divided by the number of orders.", "售出件数除以订单数。")/>
            }>
                <Kpi testid="kpi-aov" change=change(KpiKey::AverageOrderValue) label=t("Average order value", "客单价") value=aov
                    shown=Signal::derive(move || format::money(aov.get(), &sym.get()))
                    help=t("Revenue divided by the number of orders.", "销售额除以订单数。")/>
            </Show>
            <Kpi testid="kpi-repeat" change=change(KpiKey::RepeatPurchaseRate) label=t("Repeat-purchase rate", "复购率") value=repeat
                shown=Signal::derive(move || format::pct(repeat.get()))
                help=t("Share of customers who placed two or more distinct orders in the range.", "范围内下过两个及以上不同订单的客户占比。")/>
            <Show when=move || ranged.get()>
                <Kpi testid="kpi-returning" change=change(KpiKey::ReturningCustomerRate) label=t("Returning customers", "回头客占比") value=returning
                    shown=Signal::derive(move || format::pct(returning.get()))
                    help=t("Share of the range's customers who had bought before it (in the data): 1 − new customers / customers.",
                        "范围内的客户中之前（在数据中）买过的占比：1 − 新客户 / 客户数。")/>
            </Show>
            <Kpi testid="kpi-returns" change=change(KpiKey::ReturnsRate) label=t("Returns rate", "退货率") value=returns
                shown=Signal::derive(move || format::pct(returns.get()))
                help=t("Value of cancelled or returned lines divided by the value of sale lines in the range (their units, when the file has no prices).", "范围内取消或退货明细的金额除以销售明细的金额（文件没有价格时按件数计算）。")/>
        </div>
        <super::datasets::CompareCard/>
        <section class="card">
            <div class="card-head">
                <h2>{move || match (by_customers.get(), monthly.get(), priced.get()) {
                    (true, true, _) => t("New and returning customers by month", "每月新客户与回头客"),
                    (true, false, _) => t("New and returning customers by week", "每周新客户与回头客"),
                    (false, true, true) => t("Revenue by month", "每月销售额"),
                    (false, false, true) => t("Revenue by week", "每周销售额"),
                    (false, true, false) => t("Units by month", "每月件数"),
                    (false, false, false) => t("Units by week", "每周件数"),
                }}</h2>
                <div class="card-tools">
                <Show when=move || has_customers.get()>
                    <div class="seg" role="group" aria-label=t("What to show", "显示内容")>
                        <button class="btn small" data-testid="chart-revenue" class:active=move || !by_customers.get() on:click=move |_| by_customers.set(false)>
                            {move || if priced.get() { t("Revenue", "销售额") } else { t("Units", "件数") }}
                        </button>
                        <button class="btn small" data-testid="chart-customers" class:active=move || by_customers.get() on:click=move |_| by_customers.set(true)>{t("Customers", "客户")}</button>
                    </div>
                </Show>
                <div class="seg" role="group" aria-label=t("Period", "周期")>
                    <button class="btn small" class:active=move || !monthly.get() on:click=move |_| monthly.set(false)>{t("Weekly", "按周")}</button>
                    <button class="btn small" class:active=move || monthly.get() on:click=move |_| monthly.set(true)>{t("Monthly", "按月")}</button>
                </div>
                </div>
            </div>
            <BarLineChart labels=labels series=series partial=partial title=t("Revenue over time", "销售额走势").to_string()/>
            {partial_note}
            <details class="how"><summary>{t("How was this computed?", "这是怎么算的？")}</summary>
                <p>{t("Revenue (units, when the file has no prices) of kept sale lines summed per week (weeks start on Monday) or per calendar month; periods without sales show as zero. A first or last week or month that the data (or the chosen dates) cover only in part is drawn paler when the shop usually sells on its missing days (the weekdays with a sale in the last 8 weeks of data), as the Forecast page leaves such periods out.",
                    "保留的销售明细的销售额（文件没有价格时为件数）按周（每周从周一开始）或按自然月汇总；没有销售的周期显示为零。如果数据（或所选日期）只覆盖第一个或最后一个周/月的一部分，而店铺通常在缺少的那些日子也有销售（按数据最后 8 周中有销售的星期几判断），该柱子颜色较浅；预测页面会把这样的周期排除在外。")}</p>
                <p>{t("Customers: those who bought in each week or month (guests not counted), split into new ones (their first purchase in the data is in that period) and returning ones (they had bought before). A file's first weeks show many new customers: those who bought before it starts cannot be told apart.",
                    "客户视图：每周或每月有购买的客户（不含游客），分为新客户（在数据中的首次购买就在该期间）和回头客（之前买过）。文件最初几周的新客户会偏多：文件开始之前就买过的客户无法区分。")}</p>
                <p>{t("With a date range, the line is the period compared with, drawn on the range's own weeks or months: each of its days is moved forward by the distance between the two periods' first days (the range's length for the days before, 365 or 366 days for a year before), so each bar stands beside the same days of the other period.",
                    "设定日期范围后，折线是对比期，画在本范围自己的周或月上：对比期的每一天都向后平移两期首日之间的天数（与之前相同天数比较时为范围长度，与去年同期比较时为 365 或 366 天），因此每根柱子旁边就是对比期中相应的那些天。")}</p>
            </details>
        </section>
        {move || ov.with(|o| o.as_ref().map(|o| buying_times(o, &sym.get())))}
        <div class="two-col">
            <section class="card">
                <h2>{t("Top products", "热销商品")}</h2>
                {move || view! { <DataTable id="products" rows=products columns=product_columns(priced.get(), with_sku.get(), compared.get())/> }}
                {move || ov.with(|o| o.as_ref().map(|o| non_products(o, &sym.get())))}
            </section>
            <section class="card">
                <h2>{t("Top countries", "主要国家/地区")}</h2>
                {move || if no_country.get() {
                    view! { <p class="muted" data-testid="no-country">{t("The file has no country column.", "文件没有国家/地区列。")}</p> }.into_any()
                } else {
                    view! { <DataTable id="countries" rows=countries columns=country_columns(priced.get())/> }.into_any()
                }}
            </section>
        </div>
    }
}
