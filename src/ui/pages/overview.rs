//! Overview: KPIs, revenue by week or month, top products and countries, date filter.

use super::{Kpi, NeedData};
use crate::analytics::overview::OverviewParams;
use crate::ui::bridge;
use crate::ui::charts::{BarLineChart, Series};
use crate::ui::format;
use crate::ui::state::AppState;
use crate::ui::table::{Cell, Column, DataTable};
use leptos::prelude::*;

fn money_symbol(state: AppState) -> String {
    state.report.with(|r| {
        r.as_ref()
            .filter(|r| r.currencies.len() == 1)
            .and_then(|r| r.currencies.first())
            .map(|(c, _)| format::currency_symbol(c))
            .unwrap_or_default()
    })
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
    let set_range = move |from: Option<String>, to: Option<String>| {
        let params = OverviewParams {
            date_from: from.filter(|s| !s.is_empty()),
            date_to: to.filter(|s| !s.is_empty()),
        };
        state.overview_params.set(params.clone());
        bridge::request_overview(params);
    };
    let kpi = move |f: fn(&crate::analytics::overview::Kpis) -> f64| {
        Signal::derive(move || ov.with(|o| o.as_ref().map(|o| f(&o.kpis)).unwrap_or(0.0)))
    };
    let revenue = kpi(|k| k.revenue);
    let orders = kpi(|k| k.orders as f64);
    let customers = kpi(|k| k.customers as f64);
    let aov = kpi(|k| k.average_order_value);
    let repeat = kpi(|k| k.repeat_purchase_rate);
    let returns = kpi(|k| k.returns_rate);
    let sym = Signal::derive(move || money_symbol(state));

    let monthly = RwSignal::new(false);
    let labels = Signal::derive(move || {
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let pts = if monthly.get() { &o.monthly } else { &o.weekly };
                    pts.iter()
                        .map(|p| {
                            if monthly.get() {
                                p.start.get(..7).unwrap_or(&p.start).to_string()
                            } else {
                                p.start.clone()
                            }
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let series = Signal::derive(move || {
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    let pts = if monthly.get() { &o.monthly } else { &o.weekly };
                    vec![Series {
                        name: "Revenue".into(),
                        values: pts.iter().map(|p| p.revenue).collect(),
                        class: "c0".into(),
                    }]
                })
                .unwrap_or_default()
        })
    });
    let products = Signal::derive(move || {
        let sym = sym.get();
        ov.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.products
                        .iter()
                        .map(|p| {
                            vec![
                                Cell::Text(p.sku.clone()),
                                Cell::Text(p.name.clone()),
                                Cell::Num {
                                    value: p.revenue,
                                    shown: format::money(p.revenue, &sym),
                                },
                                Cell::Num {
                                    value: p.quantity,
                                    shown: format::num(p.quantity, 0),
                                },
                                Cell::Num {
                                    value: p.orders as f64,
                                    shown: format::int(p.orders),
                                },
                                Cell::Num {
                                    value: p.customers as f64,
                                    shown: format::int(p.customers),
                                },
                            ]
                        })
                        .collect()
                })
                .unwrap_or_default()
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
                            vec![
                                Cell::Text(c.country.clone()),
                                Cell::Num {
                                    value: c.revenue,
                                    shown: format::money(c.revenue, &sym),
                                },
                                Cell::Num {
                                    value: c.orders as f64,
                                    shown: format::int(c.orders),
                                },
                                Cell::Num {
                                    value: c.customers as f64,
                                    shown: format::int(c.customers),
                                },
                            ]
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
            <h1>"Overview"</h1>
            <div class="range" role="group" aria-label="Date range">
                <label>"From "
                    <input type="date" data-testid="date-from" min=bound_from max=bound_to prop:value=cur_from
                        on:change=move |ev| set_range(Some(event_target_value(&ev)), state.overview_params.get_untracked().date_to)/>
                </label>
                <label>" to "
                    <input type="date" data-testid="date-to" min=bound_from max=bound_to prop:value=cur_to
                        on:change=move |ev| set_range(state.overview_params.get_untracked().date_from, Some(event_target_value(&ev)))/>
                </label>
                <button class="btn small" on:click=move |_| set_range(None, None)>"All dates"</button>
                <super::datasets::ForgetButton/>
            </div>
        </div>
        <div class="kpis">
            <Kpi testid="kpi-revenue" label="Revenue" value=revenue
                shown=Signal::derive(move || format::money(revenue.get(), &sym.get()))
                help="Sum of quantity × unit price over all kept sale lines in the range (cancellations, returns and lines with zero or negative quantity or price are excluded; guest orders are included)."/>
            <Kpi testid="kpi-orders" label="Orders" value=orders
                shown=Signal::derive(move || format::num(orders.get(), 0))
                help="Number of distinct order ids with at least one kept sale line."/>
            <Kpi testid="kpi-customers" label="Customers" value=customers
                shown=Signal::derive(move || format::num(customers.get(), 0))
                help="Number of distinct customer ids that bought in the range. Guest orders (no customer id) are not counted."/>
            <Kpi testid="kpi-aov" label="Average order value" value=aov
                shown=Signal::derive(move || format::money(aov.get(), &sym.get()))
                help="Revenue divided by the number of orders."/>
            <Kpi testid="kpi-repeat" label="Repeat-purchase rate" value=repeat
                shown=Signal::derive(move || format::pct(repeat.get()))
                help="Share of customers who placed two or more distinct orders in the range."/>
            <Kpi testid="kpi-returns" label="Returns rate" value=returns
                shown=Signal::derive(move || format::pct(returns.get()))
                help="Value of cancelled or returned lines divided by the value of sale lines in the range."/>
        </div>
        <super::datasets::CompareCard/>
        <section class="card">
            <div class="card-head">
                <h2>{move || if monthly.get() { "Revenue by month" } else { "Revenue by week" }}</h2>
                <div class="seg" role="group" aria-label="Period">
                    <button class="btn small" class:active=move || !monthly.get() on:click=move |_| monthly.set(false)>"Weekly"</button>
                    <button class="btn small" class:active=move || monthly.get() on:click=move |_| monthly.set(true)>"Monthly"</button>
                </div>
            </div>
            <BarLineChart labels=labels series=series title="Revenue over time".to_string()/>
            <details class="how"><summary>"How was this computed?"</summary>
                <p>"Revenue of kept sale lines summed per week (weeks start on Monday) or per calendar month; periods without sales show as zero."</p>
            </details>
        </section>
        <div class="two-col">
            <section class="card">
                <h2>"Top products"</h2>
                <DataTable id="products" rows=products columns=vec![
                    Column::text("sku", "SKU"), Column::text("name", "Product"),
                    Column::num("revenue", "Revenue"), Column::num("quantity", "Units"),
                    Column::num("orders", "Orders"), Column::num("customers", "Customers"),
                ]/>
            </section>
            <section class="card">
                <h2>"Top countries"</h2>
                <DataTable id="countries" rows=countries columns=vec![
                    Column::text("country", "Country"), Column::num("revenue", "Revenue"),
                    Column::num("orders", "Orders"), Column::num("customers", "Customers"),
                ]/>
            </section>
        </div>
    }
}
