//! Action plan page: the five decisions of [`crate::analytics::action`] as cards — what to do,
//! why (evidence), the expected money effect and how it was computed — with a print button
//! (the print stylesheet in `www/style.css`) and a self-contained HTML export of the report.
//! Orders without prices get the plan in units: regular customers to win back, a reorder plan
//! under a capacity, effects counted in purchases and buyers ([`ActionPlan::priced`]).
//! Display only: the plan is computed in the worker (`Task::ActionPlan`).

use super::{unpriced, NeedData};
use crate::analytics::action::{
    ActionPlan, AdBudget, BaselineSource, Decision, DecisionKind, Detail, Missing, MoneyKind,
    NextTest, Promotion, Reorder, Verdict, VolumeKind, WinBack,
};
use crate::analytics::customers::ChurnRiskMethod;
use crate::protocol::Task;
use crate::text::Text;
use crate::tr;
use crate::ui::bridge;
use crate::ui::download;
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

const SAMPLE_SPEND: &str = "./sample/marketing/spend.csv";
const SAMPLE_PROMO: &str = "./sample/marketing/promotions.csv";

thread_local! {
    /// Marketing files attached to the plan: (spend, promotions).
    static FILES: RefCell<Option<(web_sys::Blob, web_sys::Blob)>> = const { RefCell::new(None) };
}

/// Send the plan task: attached sample files when chosen, else the marketing page's finished
/// MMM / promotion reports when there are any.
fn run(state: AppState) {
    let params = state.action_params.get_untracked();
    let files = FILES.with(|f| f.borrow().clone());
    match files {
        Some((spend, promo)) => bridge::analyze_with_files(
            state,
            Task::ActionPlan {
                params,
                spend_file: Some("spend.csv".into()),
                promo_file: Some("promotions.csv".into()),
                mmm: None,
                promo: None,
            },
            &[spend, promo],
        ),
        None => {
            let mmm = state
                .mmm
                .get_untracked()
                .map(|p| Box::new(p.report))
                .filter(|r| r.allocation.is_some());
            let promo = state.promo.get_untracked().map(|p| Box::new(p.report));
            bridge::analyze(
                state,
                Task::ActionPlan {
                    params,
                    spend_file: None,
                    promo_file: None,
                    mmm,
                    promo,
                },
            );
        }
    }
}

#[component]
pub fn ActionPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // First visit with data: compute with the defaults.
    Effect::new(move |_| {
        if state.report.with(Option::is_some)
            && state.action.with(Option::is_none)
            && !state.action_busy.get_untracked()
        {
            run(state);
        }
    });
    view! {
        <section class="page-head">
            <h1>{t("Action plan", "行动计划")}</h1>
            <p class="muted">{t("Five decisions drawn from all the analyses, each with its evidence and the money it is expected to make or protect.", "从全部分析中得出的五项决策，每项都附有证据和预计带来或保护的金额。")}</p>
        </section>
        {move || if state.report.with(Option::is_none) {
            view! { <NeedData/> }.into_any()
        } else {
            view! { <Controls/> <Report/> }.into_any()
        }}
    }
}

#[component]
fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let budget = RwSignal::new(
        state
            .action_params
            .get_untracked()
            .budget
            .map(|b| format!("{b}"))
            .unwrap_or_default(),
    );
    let p0 = state.action_params.get_untracked();
    let capacity = RwSignal::new(p0.capacity.map(|c| format!("{c}")).unwrap_or_default());
    let risk = RwSignal::new(format!("{}", (p0.churn_risk_min * 100.0).round()));
    let lift = RwSignal::new(format!("{}", (p0.test_lift * 1000.0).round() / 10.0));
    let files_used = RwSignal::new(FILES.with(|f| f.borrow().is_some()));
    let priced = move || !unpriced(state);
    // Empty or unreadable: the automatic value.
    let amount = |s: RwSignal<String>| {
        s.get_untracked()
            .trim()
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    let apply_params = move || {
        let b = amount(budget).filter(|_| priced());
        let c = amount(capacity);
        let r = amount(risk).filter(|v| *v <= 100.0).map(|v| v / 100.0);
        let l = amount(lift)
            .filter(|v| *v > 0.0 && *v <= 500.0)
            .map(|v| v / 100.0);
        state.action_params.update(|p| {
            p.budget = b;
            p.capacity = c;
            if let Some(r) = r {
                p.churn_risk_min = r;
            }
            if let Some(l) = l {
                p.test_lift = l;
            }
        });
    };
    let use_sample = move |_| {
        leptos::task::spawn_local(async move {
            let spend = bridge::fetch_blob(SAMPLE_SPEND).await;
            let promo = bridge::fetch_blob(SAMPLE_PROMO).await;
            match (spend, promo) {
                (Ok(s), Ok(p)) => {
                    FILES.with(|f| *f.borrow_mut() = Some((s, p)));
                    files_used.set(true);
                    run(state);
                }
                (Err(e), _) | (_, Err(e)) => state.error.set(Some(e)),
            }
        });
    };
    let print = move |_| {
        open_all_details();
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let export = move |_| export_html(state);
    view! {
        <section class="card params-card no-print" data-testid="action-controls">
            <div class="params">
                {move || priced().then(|| view! {
                    <label>{t("Purchase budget ", "采购预算 ")}
                        <input type="text" class="short" data-testid="action-budget"
                            placeholder=t("automatic", "自动")
                            prop:value=move || budget.get()
                            on:change=move |ev| budget.set(event_target_value(&ev))/>
                    </label>
                })}
                <label title=t("The most units the reorder plan may buy in total (e.g. the space left in the stock room).", "补货计划总共最多可采购的件数（例如库房剩余空间）。")>
                    {t("Capacity (units) ", "容量（件）")}
                    <input type="text" class="short" data-testid="action-capacity"
                        placeholder=move || if priced() { t("none", "无") } else { t("automatic", "自动") }
                        prop:value=move || capacity.get()
                        on:change=move |ev| capacity.set(event_target_value(&ev))/>
                </label>
                {percent_field(
                    t("Churn risk at least (%) ", "流失风险至少（%）"),
                    t("Win back: list customers at least this likely to have stopped buying.", "挽回：列出停止购买可能性不低于此值的客户。"),
                    "action-churn-risk", risk, (0, 100, 5),
                )}
                {percent_field(
                    t("Lift to detect (%) ", "需检测的提升（%）"),
                    t("A/B test: the relative rise in the share of customers who buy that the test should be able to show.", "A/B 测试：测试应能检测到的购买客户比例的相对提升。"),
                    "action-test-lift", lift, (1, 500, 1),
                )}
                <button class="btn small primary" data-testid="action-run"
                    on:click=move |_| { apply_params(); run(state); }
                    disabled=move || state.action_busy.get()>
                    {move || if state.action_busy.get() { t("Computing…", "计算中…") } else { t("Recompute", "重新计算") }}
                </button>
                <button class="btn small" data-testid="action-sample-marketing" on:click=use_sample
                    disabled=move || state.action_busy.get()>
                    {t("Use the sample ad-spend and promotion files", "使用示例广告支出和促销文件")}
                </button>
                {move || files_used.get().then(|| view! {
                    <span class="muted small">{t("Sample marketing files attached.", "已附加示例营销文件。")}</span>
                })}
            </div>
            <div class="params">
                <button class="btn small" data-testid="action-print" on:click=print>
                    {t("Print / save as PDF", "打印 / 另存为 PDF")}
                </button>
                <button class="btn small" data-testid="action-export" on:click=export
                    disabled=move || state.action.with(Option::is_none)>
                    {t("Download report (HTML)", "下载报告（HTML）")}
                </button>
                <span class="muted small">{t("The HTML file holds this report only (no order rows, no scripts) and opens in any browser.", "HTML 文件只包含本报告（无订单明细、无脚本），可在任何浏览器中打开。")}</span>
            </div>
            {move || state.action_progress.get().map(|(done, total)| view! {
                <div class="progress" role="status">
                    <div class="progress-text">{tr!("Running the analyses: step {} of {}", "正在运行分析：第 {} 步，共 {} 步", done, total)}</div>
                    <progress max=total value=done></progress>
                </div>
            })}
        </section>
    }
}

#[component]
fn Report() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let cur = state.money_symbol();
        match state.action.get() {
            None => view! {
                <section class="card empty"><p class="muted">{t("Computing the plan…", "正在计算计划…")}</p></section>
            }
            .into_any(),
            Some(p) => {
                let stale = p.gen != state.dataset_gen.get();
                view! {
                    <div id="action-report" data-testid="action-report">
                        <ReportHeader plan=p.report.clone()/>
                        {stale.then(|| view! { <p class="muted small">{t("These results belong to an earlier import: press Recompute.", "这些结果属于之前的导入：请点击“重新计算”。")}</p> })}
                        {if p.report.priced {
                            summary_chart(&p.report, &cur).into_any()
                        } else {
                            unpriced_note().into_any()
                        }}
                        {p.report.decisions.iter().map(|d| card(d, &cur, p.report.priced)).collect_view()}
                    </div>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn ReportHeader(plan: ActionPlan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (files, from, to) = state.report.with(|r| {
        r.as_ref()
            .map(|r| {
                (
                    r.files
                        .iter()
                        .map(|f| f.file_name.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                    r.date_min.as_deref().map(format::date).unwrap_or_default(),
                    r.date_max.as_deref().map(format::date).unwrap_or_default(),
                )
            })
            .unwrap_or_default()
    });
    // "2026-11-28T21:23:11.000Z" -> the date in the UI language and "21:23".
    let now = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    let generated = format!(
        "{} {}",
        format::date(now.get(..10).unwrap_or_default()),
        now.get(11..16).unwrap_or_default()
    );
    view! {
        <header class="report-head" data-testid="report-head">
            <h2>{t("ShopLens action plan", "ShopLens 行动计划")}</h2>
            <p class="muted small">
                {tr!("Data: {} · orders from {} to {} · generated {} UTC", "数据：{} · 订单日期 {} 至 {} · 生成于 {} UTC", files, from, to, generated)}
                {plan.data_end.map(|d| tr!(" · decisions as of {}", " · 决策基准日 {}", format::date(&d)))}
            </p>
        </header>
    }
}

/// For orders without prices: what the plan counts instead of money.
fn unpriced_note() -> impl IntoView {
    view! {
        <section class="card" data-testid="action-unpriced">
            <p class="note">{t("The orders have no prices, so this plan counts purchases, customers and units instead of money: regular customers to win back (by purchase days), a reorder plan within a capacity in units, and extra buyers for the test. The ad-budget decision reads its own spend file with revenue; a purchase budget needs unit costs.",
                "订单没有价格，因此本计划以购买次数、客户数和件数代替金额：需要挽回的常客（按购买天数）、在件数容量内的补货计划，以及测试可带来的额外购买客户。广告预算决策读取自带收入的广告支出文件；采购预算需要单位成本。")}</p>
        </section>
    }
}

/// A labelled number field of the controls: `(min, max, step)` in percent, its text kept in
/// `value` until Recompute reads it.
fn percent_field(
    label: &'static str,
    title: &'static str,
    testid: &'static str,
    value: RwSignal<String>,
    (min, max, step): (u32, u32, u32),
) -> impl IntoView {
    view! {
        <label title=title>
            {label}
            <input type="number" class="short" min=min max=max step=step data-testid=testid
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}

fn kind_title(k: DecisionKind, priced: bool) -> &'static str {
    match k {
        DecisionKind::WinBack if !priced => t("Win back regular customers", "挽回常客"),
        DecisionKind::WinBack => t("Win back valuable customers", "挽回高价值客户"),
        DecisionKind::Reorder if !priced => {
            t("Reorder now, within the capacity", "在容量内立即补货")
        }
        DecisionKind::Reorder => t("Reorder now, within the budget", "在预算内立即补货"),
        DecisionKind::AdBudget => t("Shift the ad budget", "调整广告预算"),
        DecisionKind::Promotion => t("Repeat or stop the promotion", "重复还是停止促销"),
        DecisionKind::NextTest => t("Test next with an A/B test", "下一步用 A/B 测试验证"),
    }
}

fn money_label(k: MoneyKind) -> &'static str {
    match k {
        MoneyKind::ValueAtStake => t("Value at stake", "面临流失的价值"),
        MoneyKind::ProfitProtected => t("Profit protected", "保护的利润"),
        MoneyKind::RevenueGain => t("Expected extra revenue", "预计额外收入"),
        MoneyKind::IncrementalRevenue => t("Revenue the promotion added", "促销带来的增量收入"),
    }
}

fn link_label(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::WinBack => t("Details: Customers page", "详情：客户页面"),
        DecisionKind::Reorder => t("Details: Inventory page", "详情：库存页面"),
        _ => t("Details: Marketing page", "详情：营销页面"),
    }
}

/// Bars of the money effect per decision (inline SVG with explicit colours, so it prints and
/// exports in colour).
fn summary_chart(plan: &ActionPlan, cur: &str) -> impl IntoView {
    // (kind, value, conditional): money that comes only if a tested lift is real is drawn as an
    // outline; when the test cannot show the lift with the customers there are, it is not drawn.
    let mut left_out = None;
    let rows: Vec<(DecisionKind, f64, bool)> = plan
        .decisions
        .iter()
        .filter_map(|d| {
            let m = d.money.as_ref()?;
            if let Detail::NextTest(n) = &d.detail {
                if m.conditional && !n.feasible {
                    left_out = Some((m.value, n.total, n.pool));
                    return None;
                }
            }
            Some((d.kind, m.value, m.conditional))
        })
        .collect();
    let conditional_drawn = rows.iter().any(|r| r.2);
    let max = rows
        .iter()
        .map(|r| r.1.abs())
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let (w, label_w, row_h) = (760.0, 230.0, 26.0);
    let h = row_h * rows.len() as f64 + 8.0;
    let pw = w - label_w - 140.0;
    let left_out = left_out.map(|(value, total, pool)| {
        view! {
            <p class="muted small" data-testid="summary-left-out">{tr!(
                "Not drawn: the A/B test. Its {} is extra revenue only if the lift is real, and the test needs {} customers where the shop has {}, so it could not show it.",
                "未画出：A/B 测试。它的 {} 只有在提升真实存在时才是额外收入，而测试需要 {} 位客户，店铺只有 {} 位，因此无法证实。",
                format::money(value, cur),
                format::num(total, 0),
                format::int(pool as u64)
            )}</p>
        }
    });
    let outline_note = conditional_drawn.then(|| {
        view! {
            <p class="muted small" data-testid="summary-conditional">{t(
                "An outlined bar is money that comes only if the tested lift is real.",
                "空心条形表示只有在所测提升真实存在时才会获得的金额。",
            )}</p>
        }
    });
    view! {
        <section class="card action-summary" data-testid="action-summary">
            <h2>{t("Money at play, by decision", "各项决策涉及的金额")}</h2>
            <svg viewBox=format!("0 0 {w} {h}") class="chart-svg" role="img" aria-label=t("Money effect per decision", "各决策的金额影响")>
                {rows.into_iter().enumerate().map(|(i, (k, v, conditional))| {
                    let y = 4.0 + row_h * i as f64;
                    let bw = (v.abs() / max * pw).max(1.0);
                    let colour = if v < 0.0 { "#b3261e" } else { "#1f5f8b" };
                    let (fill, stroke) = if conditional { ("none", colour) } else { (colour, "none") };
                    view! {
                        <text x=label_w - 8.0 y=y + 15.0 text-anchor="end" font-size="12" fill="#333">{kind_title(k, true)}</text>
                        <rect x=label_w y=y + 3.0 width=bw height=16.0 fill=fill stroke=stroke stroke-width="1.5" stroke-dasharray=if conditional { "4 3" } else { "none" } rx="2" data-conditional=conditional.to_string()/>
                        <text x=label_w + bw + 6.0 y=y + 15.0 font-size="12" fill="#333">{format::money(v, cur)}</text>
                    }
                }).collect_view()}
            </svg>
            <p class="muted small">{t("Each bar is the decision's expected money effect (see each card for what it means and how it was computed). They are different kinds of money — value at risk, margin, revenue — so do not add them up.", "每根条形表示该决策的预计金额影响（含义和计算方法见各卡片）。它们属于不同类型的金额——面临风险的价值、利润、收入——请勿相加。")}</p>
            {outline_note}
            {left_out}
        </section>
    }
}

fn volume_label(k: VolumeKind) -> &'static str {
    match k {
        VolumeKind::PurchasesAtStake => t("Purchases at stake", "面临流失的购买"),
        VolumeKind::ExtraBuyers => t("Extra buyers if it works", "若有效可增加的购买客户"),
    }
}

fn card(d: &Decision, cur: &str, priced: bool) -> impl IntoView {
    let kind = d.kind;
    let volume = d.volume.clone().map(|v| {
        let value = match v.kind {
            VolumeKind::PurchasesAtStake => {
                tr!("{} purchase days", "{} 个购买日", format::num(v.value, 1))
            }
            VolumeKind::ExtraBuyers => tr!("{} customers", "{} 位客户", format::num(v.value, 1)),
        };
        view! {
            <div class="money volume" data-testid="volume" data-value=format!("{:.4}", v.value)>
                <span class="money-label">{volume_label(v.kind)}{": "}</span>
                <strong class="money-value">{value}</strong>
                <span class="muted small formula">{" = "}{v.formula.clone()}</span>
            </div>
        }
    });
    let money = d.money.clone().map(|m| {
        let value = format::money(m.value, cur);
        let interval = m.interval.map(|(lo, hi)| {
            tr!(
                " (interval {} to {})",
                "（区间 {} 至 {}）",
                format::money(lo, cur),
                format::money(hi, cur)
            )
        });
        view! {
            <div class="money" data-testid="money" data-value=format!("{:.2}", m.value)>
                <span class="money-label">{if m.conditional { t("Extra revenue if the lift is real", "若提升真实存在的额外收入") } else { money_label(m.kind) }}{": "}</span>
                <strong class="money-value">{value}</strong>
                {interval}
                <span class="muted small formula">{" = "}{m.formula.clone()}</span>
            </div>
        }
    });
    let body = match &d.detail {
        Detail::WinBack(w) if !w.priced => win_back_units(w).into_any(),
        Detail::WinBack(w) => win_back(w, cur).into_any(),
        Detail::Reorder(r) if !r.priced => reorder_units(r).into_any(),
        Detail::Reorder(r) => reorder(r, cur).into_any(),
        Detail::AdBudget(a) => ad_budget(a, cur).into_any(),
        Detail::Promotion(p) => promotion(p, cur).into_any(),
        Detail::NextTest(n) => next_test(n, cur, priced).into_any(),
        Detail::Missing(m) => missing(m).into_any(),
    };
    let status = if d.is_missing() { "missing" } else { "ready" };
    view! {
        <section class="card decision" data-testid=format!("decision-{}", kind.key()) data-status=status>
            <div class="card-head">
                <h2>{kind_title(kind, priced)}</h2>
                <a class="small no-print" href=d.link.clone()>{link_label(kind)}</a>
            </div>
            {money}
            {volume}
            {body}
        </section>
    }
}

fn how(text: String) -> impl IntoView {
    view! {
        <details class="how"><summary>{t("How was this computed?", "这是如何计算的？")}</summary><p>{text}</p></details>
    }
}

fn risk_text(method: ChurnRiskMethod) -> &'static str {
    match method {
        ChurnRiskMethod::PAlive => t(
            "churn risk = 1 − P(alive), the BG/NBD probability that the customer has stopped buying",
            "流失风险 = 1 − P(存活)，即 BG/NBD 模型估计客户已停止购买的概率",
        ),
        ChurnRiskMethod::NoPurchase90d => t(
            "churn risk = the BG/NBD probability of no purchase in the next 90 days",
            "流失风险 = BG/NBD 模型估计未来 90 天内不购买的概率",
        ),
    }
}

/// The recommended items of a win-back customer, by name where known.
fn items_text(c: &crate::analytics::action::WinBackCustomer) -> String {
    if c.items.is_empty() {
        return t("—", "—").to_string();
    }
    c.items
        .iter()
        .map(|i| {
            if i.name.is_empty() {
                i.item_id.clone()
            } else {
                i.name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A column of a plan table: its title and whether it holds numbers (right-aligned).
struct Col(String, bool);

fn text_col(title: impl Into<String>) -> Col {
    Col(title.into(), false)
}

fn num_col(title: impl Into<String>) -> Col {
    Col(title.into(), true)
}

/// A plain table of plan lines, one text per cell: every line shown, no search or paging (the
/// plan lists a few; the pages behind it have the full tables).
fn plan_table(cols: Vec<Col>, rows: Vec<Vec<String>>) -> impl IntoView {
    let numeric: Vec<bool> = cols.iter().map(|c| c.1).collect();
    let head = cols
        .into_iter()
        .map(|Col(title, num)| view! { <th class:num=num>{title}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .into_iter()
                .zip(numeric.iter().copied())
                .map(|(text, num)| view! { <td class:num=num>{text}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn win_back(w: &WinBack, cur: &str) -> impl IntoView {
    let risk = risk_text(w.churn_risk_method);
    let rows = w
        .customers
        .iter()
        .map(|c| {
            vec![
                c.customer_id.clone(),
                format::money(c.clv, cur),
                format::pct(c.churn_risk),
                c.recency_days
                    .map(|d| format::num(d as f64, 0))
                    .unwrap_or_default(),
                c.orders.map(format::int).unwrap_or_default(),
                items_text(c),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("Customer", "客户")),
            num_col(t("CLV", "客户终身价值")),
            num_col(t("Churn risk", "流失风险")),
            num_col(t("Days since last order", "距上次下单天数")),
            num_col(t("Orders", "订单数")),
            text_col(t("Recommend", "推荐商品")),
        ],
        rows,
    );
    view! {
        <p class="do">{tr!("Contact these {} customers with a personal offer on the items below: they are in the top {} by predicted value (CLV ≥ {}) and at least {} likely to have stopped buying. {} customers qualify in total.",
            "向以下 {} 位客户发送个性化优惠，推荐下方商品：他们的预测价值位于前 {}（CLV ≥ {}），且停止购买的可能性至少为 {}。共有 {} 位客户符合条件。",
            w.customers.len(), format::pct(1.0 - w.clv_quantile), format::money(w.clv_threshold, cur), format::pct(w.churn_risk_min), w.qualifying)}</p>
        {table}
        {how(tr!("CLV is each customer's predicted spend over the next {} days: BG/NBD expected purchases × Gamma-Gamma expected order value. The threshold is the {} percentile of the CLV of all {} scored customers; {}. The money effect adds up the CLV of the listed customers: the value the shop loses if they do not come back. Items come from the recommender ({}), excluding what the customer already bought.",
            "CLV 是每位客户未来 {} 天的预测消费：BG/NBD 预期购买次数 × Gamma-Gamma 预期客单价。门槛是 CLV 的第 {} 百分位（共 {} 位已评分客户）；{}。金额影响为所列客户 CLV 之和：即他们不再回来时店铺损失的价值。推荐商品来自推荐模型（{}），不含客户已买过的商品。",
            w.horizon_days, format::num(w.clv_quantile * 100.0, 0), w.customers_scored, risk, w.recommender))}
    }
}

/// Win-back for orders without prices: regular customers (by purchase days) at risk.
fn win_back_units(w: &WinBack) -> impl IntoView {
    let risk = risk_text(w.churn_risk_method);
    let days = w.purchase_days_threshold.unwrap_or_default();
    let rows = w
        .customers
        .iter()
        .map(|c| {
            vec![
                c.customer_id.clone(),
                format::int(u64::from(c.purchase_days)),
                format::pct(c.churn_risk),
                format::num(c.expected_purchases, 2),
                c.recency_days
                    .map(|d| format::num(d as f64, 0))
                    .unwrap_or_default(),
                c.units.map(|u| format::num(u, 0)).unwrap_or_default(),
                items_text(c),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("Customer", "客户")),
            num_col(t("Purchase days", "购买天数")),
            num_col(t("Churn risk", "流失风险")),
            num_col(tr!(
                "Expected purchases ({} days)",
                "预期购买次数（{} 天）",
                w.horizon_days
            )),
            num_col(t("Days since last purchase", "距上次购买天数")),
            num_col(t("Units bought", "购买件数")),
            text_col(t("Recommend", "推荐商品")),
        ],
        rows,
    );
    view! {
        <p class="do">{tr!("Contact these {} regular customers with a personal offer on the items below: they bought on at least {} different days (the top {} of customers) and are at least {} likely to have stopped buying. {} customers qualify in total.",
            "向以下 {} 位常客发送个性化优惠，推荐下方商品：他们至少在 {} 个不同的日子购买过（位于客户前 {}），且停止购买的可能性至少为 {}。共有 {} 位客户符合条件。",
            w.customers.len(), format::num(days, 0), format::pct(1.0 - w.clv_quantile), format::pct(w.churn_risk_min), w.qualifying)}</p>
        {table}
        {how(tr!("The file has no prices, so customers are judged by how regularly they bought instead of their value in money. A customer's purchase days are the different days they bought on; the threshold is the {} percentile of the purchase days of all {} scored customers, and only repeat buyers qualify; {}. The list puts the largest expected loss first (churn risk × purchase days). The effect adds up the purchase days these customers are still expected to make over the next {} days (BG/NBD): what the shop loses if they do not come back. Items come from the recommender ({}), excluding what the customer already bought.",
            "文件没有价格，因此按客户购买的规律程度而不是金额价值来评判。客户的购买天数是其购买过的不同日子数；门槛是全部 {1} 位已评分客户购买天数的第 {0} 百分位，且只有复购客户符合条件；{2}。列表按预期损失（流失风险 × 购买天数）从大到小排列。影响为这些客户在未来 {3} 天内预计仍会购买的天数之和（BG/NBD）：即他们不再回来时店铺失去的购买。推荐商品来自推荐模型（{4}），不含客户已买过的商品。",
            format::num(w.clv_quantile * 100.0, 0), w.customers_scored, risk, w.horizon_days, w.recommender))}
    }
}

/// "… and N more lines" under a table showing `shown` of `total` plan lines.
fn more_lines(total: usize, shown: usize) -> Option<impl IntoView> {
    (total > shown).then(|| {
        view! { <p class="muted small">{tr!("… and {} more lines (all on the Inventory page).", "……还有 {} 行（全部见库存页面）。", total - shown)}</p> }
    })
}

/// Reorder for orders without prices: the plan within a capacity in units.
fn reorder_units(r: &Reorder) -> impl IntoView {
    let shown = 15usize;
    let rows = r
        .lines
        .iter()
        .take(shown)
        .map(|l| {
            vec![
                l.sku.clone(),
                l.class.clone(),
                format::num(l.quantity, 0),
                format::pct(l.stockout_risk),
                if l.full {
                    t("yes", "是")
                } else {
                    t("partly", "部分")
                }
                .to_string(),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("Product", "商品")),
            text_col(t("Class", "分类")),
            num_col(t("Units", "数量")),
            num_col(t("Stockout risk now", "当前缺货风险")),
            text_col(t("Full order", "完整订购")),
        ],
        rows,
    );
    let more = more_lines(r.lines.len(), shown);
    let capacity = r.capacity.unwrap_or_default();
    let capacity_note = if r.capacity_is_default {
        t(
            "The capacity was set automatically to half the units of all urgent orders, so the plan has to choose; type the space you really have above.",
            "容量自动设为全部紧急订单件数的一半，迫使计划做出取舍；可在上方输入您实际的空间。",
        )
    } else {
        t(
            "The capacity is the one typed above.",
            "容量为上方输入的件数。",
        )
    };
    let step = r.next_capacity_step.map(|(s, u)| {
        tr!(
            " The capacity binds: {} more units of space would buy {} more units.",
            " 容量已用尽：再增加 {} 件空间可多采购 {} 件。",
            format::num(s, 0),
            format::num(u, 0)
        )
    });
    view! {
        <p class="do">{tr!("Order {} units of {} products, within a capacity of {} units. {} of the {} products that need stock are covered in full. Products in \"order now\" status: {}.",
            "订购 {1} 种商品共 {0} 件，容量 {2} 件。需要补货的 {4} 种商品中有 {3} 种被完全覆盖。处于“立即订货”状态的商品：{5} 种。",
            format::num(r.total_units, 0), r.lines.len(), format::num(capacity, 0),
            r.fully_covered, r.candidates, r.order_now_skus)}{step}</p>
        {table}
        {more}
        {how(tr!("The inventory page sets a reorder point per product for its service target (A 98 %, B 95 %, C 90 % fill rate); with no unit costs, the lot is 30 days of forecast demand. The purchase plan is a linear program that fills the capacity with the units that matter most: each unit that brings a product back up to its reorder point counts 1, each further unit of its suggested order ½, so the products about to run out come first. {} Stockout risk is the chance of running out before a delivery ordered today arrives.",
            "库存页面按服务目标（A 98%、B 95%、C 90% 满足率）为每种商品设定再订货点；没有单位成本时，批量为 30 天的预测需求。采购计划是一个线性规划，用最重要的件数填满容量：使商品回到再订货点的每一件计 1，建议订单中其余每一件计 ½，因此即将断货的商品优先。{} 缺货风险是今天下单的货物到达前断货的概率。",
            capacity_note))}
    }
}

fn reorder(r: &Reorder, cur: &str) -> impl IntoView {
    let shown = 15usize;
    let rows = r
        .lines
        .iter()
        .take(shown)
        .map(|l| {
            vec![
                l.sku.clone(),
                l.description.clone(),
                l.class.clone(),
                format::num(l.quantity, 0),
                format::money(l.cost, cur),
                format::money(l.expected_margin, cur),
                format::pct(l.stockout_risk),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("SKU", "商品编码")),
            text_col(t("Description", "描述")),
            text_col(t("Class", "分类")),
            num_col(t("Units", "数量")),
            num_col(t("Cost", "成本")),
            num_col(t("Expected margin", "预计利润")),
            num_col(t("Stockout risk now", "当前缺货风险")),
        ],
        rows,
    );
    let more = more_lines(r.lines.len(), shown);
    let budget_note = if r.budget_is_default {
        t(
            "The budget was set automatically to half the cost of all urgent orders, so the plan has to choose; type your own budget above.",
            "预算自动设为全部紧急订单成本的一半，迫使计划做出取舍；可在上方输入您自己的预算。",
        )
    } else {
        t(
            "The budget is the one typed above.",
            "预算为上方输入的金额。",
        )
    };
    let capacity = r.capacity.map(|c| {
        if r.capacity_binding {
            tr!(
                " The capacity of {} units binds too.",
                " {} 件的容量也已用尽。",
                format::num(c, 0)
            )
        } else {
            tr!(
                " The plan stays within the capacity of {} units.",
                " 计划未超出 {} 件的容量。",
                format::num(c, 0)
            )
        }
    });
    let step = r.next_step.map(|(s, g)| {
        tr!(
            " The budget binds: {} more would add about {} of expected margin.",
            " 预算已用尽：再增加 {} 预计可多带来约 {} 的利润。",
            format::money(s, cur),
            format::money(g, cur)
        )
    });
    view! {
        <p class="do">{tr!("Order {} SKUs ({} units) for {} of the {} budget. {} of the {} SKUs that need stock are covered in full; {} SKUs are in \"order now\" status.",
            "订购 {0} 个 SKU（{1} 件），花费 {2}，预算 {3}。需要补货的 {5} 个 SKU 中有 {4} 个被完全覆盖；{6} 个 SKU 处于“立即订货”状态。",
            r.lines.len(), format::num(r.total_units, 0), format::money(r.total_cost, cur), format::money(r.budget, cur),
            r.fully_covered, r.candidates, r.order_now_skus)}{step}{capacity}</p>
        {table}
        {more}
        {how(tr!("The inventory page sets a reorder point and lot size per SKU for its service target (A 98 %, B 95 %, C 90 % fill rate). The purchase plan is a linear program: choose the units of each SKU that needs ordering to maximise expected margin (price − cost per unit sold, minus holding cost) subject to total cost ≤ budget. {} The money effect adds up the expected margin of the plan lines: the profit these purchases protect from stockouts. Stockout risk is the chance of running out before a delivery ordered today arrives.",
            "库存页面按服务目标（A 98%、B 95%、C 90% 满足率）为每个 SKU 设定再订货点和批量。采购计划是一个线性规划：在总成本 ≤ 预算的约束下，选择各需补货 SKU 的数量以最大化预计利润（每售出一件的价格 − 成本，减去持有成本）。{} 金额影响为计划各行预计利润之和：即这些采购避免缺货所保护的利润。缺货风险是今天下单的货物到达前断货的概率。",
            budget_note))}
    }
}

fn ad_budget(a: &AdBudget, cur: &str) -> impl IntoView {
    let rows = a
        .channels
        .iter()
        .map(|c| {
            let change = c.optimal_per_period - c.current_per_period;
            vec![
                c.name.clone(),
                format::money(c.current_per_period, cur),
                format::money(c.optimal_per_period, cur),
                format!(
                    "{}{}",
                    if change >= 0.0 { "+" } else { "" },
                    format::money(change, cur)
                ),
                format::money(c.optimal_revenue - c.current_revenue, cur),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("Channel", "渠道")),
            num_col(t("Now, per period", "当前每期")),
            num_col(t("Suggested, per period", "建议每期")),
            num_col(t("Change", "变化")),
            num_col(t("Revenue change", "收入变化")),
        ],
        rows,
    );
    let reliability = (!a.reliable).then(|| {
        view! { <p class="warn small">{t("Caution: the model failed its identification checks (channels move together), so treat this split as a hypothesis to test, not a fact.", "注意：模型未通过可识别性检验（各渠道支出同步变化），请把这一分配视为待检验的假设，而非事实。")}</p> }
    });
    view! {
        <p class="do">{tr!("Keep the same budget ({} over the next {} periods of {} days) but split it as below: predicted media revenue goes from {} to {} ({}).",
            "保持相同预算（未来 {1} 个周期、每期 {2} 天，共 {0}），但按下表重新分配：预测媒体收入从 {3} 增至 {4}（{5}）。",
            format::money(a.total_budget, cur), a.periods, a.period_days, format::money(a.revenue_current, cur), format::money(a.revenue_optimal, cur), format!("{:+.1}%", a.lift_pct))}</p>
        {reliability}
        {table}
        {how(t("A media-mix model (ridge regression on adstocked, saturating spend, hyper-parameters by time-series cross-validation) gives each channel a response curve R_c(s). Today's split s⁰ is the last 13 periods' shares; the suggested split s* maximises Σ_c R_c(s_c) for the same total, within each channel's bounds. The money effect is Σ_c [R_c(s*_c) − R_c(s⁰_c)] over the budget periods.", "媒体组合模型（对带滞后效应、饱和的支出做岭回归，超参数由时间序列交叉验证选择）为每个渠道给出响应曲线 R_c(s)。当前分配 s⁰ 为最近 13 期的支出占比；建议分配 s* 在总额不变、各渠道上下限内最大化 Σ_c R_c(s_c)。金额影响为预算周期内 Σ_c [R_c(s*_c) − R_c(s⁰_c)]。").to_string())}
    }
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Repeat => t("repeat", "重复"),
        Verdict::Stop => t("stop", "停止"),
        Verdict::Unclear => t("no clear effect", "效果不明确"),
    }
}

fn promotion(p: &Promotion, cur: &str) -> impl IntoView {
    let amount = |v: f64| {
        if p.revenue {
            format::money(v, cur)
        } else {
            tr!("{} units", "{} 件", format::num(v, 0))
        }
    };
    let advice = match p.verdict {
        Verdict::Repeat => t("Repeat it: the whole interval of its extra sales is above zero.", "建议重复：其额外销售额的整个区间都高于零。"),
        Verdict::Stop => t("Stop it: sales were lower than without it, even at the top of the interval.", "建议停止：即使取区间上限，销售额也低于不做促销时。"),
        Verdict::Unclear => t("No clear effect: the interval includes zero, so it probably did not pay for its discount — stop it, or test it properly (see the last card).", "效果不明确：区间包含零，很可能无法覆盖折扣成本——停止，或用严格的测试验证（见最后一张卡片）。"),
    };
    let rows = p
        .episodes
        .iter()
        .map(|e| {
            vec![
                format!("{} – {}", e.from, e.to),
                amount(e.incremental),
                format!("{} … {}", amount(e.ci_low), amount(e.ci_high)),
                format!("{:+.1}%", e.lift_pct),
                verdict_text(e.verdict).to_string(),
            ]
        })
        .collect();
    let table = plan_table(
        vec![
            text_col(t("Promotion dates", "促销日期")),
            num_col(t("Extra", "额外")),
            num_col(t("Interval", "区间")),
            num_col(t("Lift", "提升")),
            text_col(t("Verdict", "结论")),
        ],
        rows,
    );
    view! {
        <p class="do">{tr!("\"{}\": {} extra ({:+.1}%), {} interval {} to {}. ", "“{}”：额外 {}（{:+.1}%），{} 区间 {} 至 {}。",
            p.label, amount(p.incremental), p.lift_pct, format::pct(p.confidence), amount(p.ci_low), amount(p.ci_high))}{advice}</p>
        {table}
        {how(t("A regression on the periods without promotion (trend, seasonality, day of week) predicts what sales would have been without it; extra = actual − predicted, summed over the promoted periods (the money effect adds the episodes). The interval is the regression's prediction interval for that sum. Repeat when the whole interval is above zero, stop when it is below, otherwise the effect is not clear. The discount's cost is not in the file, so compare the extra revenue with what the discount cost you.", "用无促销期间的数据做回归（趋势、季节性、星期几），预测不做促销时的销售额；额外 = 实际 − 预测，对促销期间求和（金额影响为各次促销之和）。区间是该总和的回归预测区间。整个区间高于零则重复，低于零则停止，否则效果不明确。文件中没有折扣成本，请将额外收入与折扣花费进行比较。").to_string())}
    }
}

fn next_test(n: &NextTest, cur: &str, priced: bool) -> impl IntoView {
    let effect = if priced {
        tr!(
            "Money effect if the lift is real: pool × p₀ × lift × average order value = {} × {} × {} × {}.",
            "若提升真实存在，金额影响 = 客户池 × p₀ × 提升 × 平均客单价 = {} × {} × {} × {}。",
            format::int(n.pool as u64),
            format::pct(n.baseline),
            format::pct(n.lift),
            format::money(n.avg_order_value, cur)
        )
    } else {
        tr!(
            "Extra buyers if the lift is real: pool × p₀ × lift = {} × {} × {} (the file has no prices, so no money effect).",
            "若提升真实存在，增加的购买客户 = 客户池 × p₀ × 提升 = {} × {} × {}（文件没有价格，因此没有金额影响）。",
            format::int(n.pool as u64),
            format::pct(n.baseline),
            format::pct(n.lift)
        )
    };
    let subject = match n.subject {
        DecisionKind::WinBack => t("the win-back offer", "挽回优惠"),
        _ => t("a repeat-purchase offer", "复购优惠"),
    };
    let baseline = match n.baseline_source {
        BaselineSource::AtRiskPurchase90d => t(
            "the share of at-risk customers expected to buy in the next 90 days anyway (mean BG/NBD probability)",
            "高风险客户在未来 90 天内本来就会购买的比例（BG/NBD 概率均值）",
        ),
        BaselineSource::RepeatRate => t(
            "the shop's repeat rate (customers with two or more orders)",
            "店铺复购率（下单两次及以上的客户占比）",
        ),
    };
    let feasible = if n.feasible {
        tr!(
            "You have {} such customers, enough for the test.",
            "您有 {} 位这样的客户，足够进行测试。",
            format::int(n.pool as u64)
        )
    } else if let Some(l) = n.min_detectable_lift {
        tr!(
            "You have only {} such customers: with them a test can only detect a lift of {} or more ({} → {}). Test a larger lift, or keep adding newly at-risk customers until {} are enrolled.",
            "您只有 {} 位这样的客户：用他们做测试，只能检测到 {} 或更大的提升（{} → {}）。请检验更大的提升，或持续加入新的高风险客户，直到达到 {} 位。",
            format::int(n.pool as u64),
            format::pct(l),
            format::pct(n.baseline),
            format::pct(n.baseline * (1.0 + l)),
            format::num(n.total, 0)
        )
    } else {
        tr!(
            "You have only {} such customers: test a larger lift, or keep adding newly at-risk customers until {} are enrolled.",
            "您只有 {} 位这样的客户：请检验更大的提升，或持续加入新的高风险客户，直到达到 {} 位。",
            format::int(n.pool as u64),
            format::num(n.total, 0)
        )
    };
    // The smallest lift the pool can show: the lift at which n equals half the pool.
    let detectable = n
        .min_detectable_lift
        .map(|l| {
            tr!(
                " The smallest lift the {} customers can show is the one at which n = ⌊{} / 2⌋ = {}: {} (found by bisection).",
                "{} 位客户能检测到的最小提升，是使 n = ⌊{} / 2⌋ = {} 的提升：{}（用二分法求得）。",
                format::int(n.pool as u64),
                format::int(n.pool as u64),
                format::int((n.pool / 2) as u64),
                format::pct(l)
            )
        })
        .unwrap_or_default();
    view! {
        <p class="do">{tr!("Test {} before rolling it out: send it to a random half of {} customers ({} per group) and leave the other half alone; count who buys within {} days. {}",
            "推广前先测试{}：随机选 {} 位客户的一半发送，另一半不发送（每组 {} 位）；统计 {} 天内购买的客户。{}",
            subject, format::num(n.total, 0), format::num(n.per_variant, 0), n.duration_days, feasible)}</p>
        <div class="stats">
            <div><span class="stat-label">{t("Baseline rate", "基线比例")}</span>{" "}<span class="stat-value">{format::pct(n.baseline)}</span></div>
            <div><span class="stat-label">{t("Rate to detect", "需检测的比例")}</span>{" "}<span class="stat-value">{format::pct(n.target_rate)}</span></div>
            <div><span class="stat-label">{t("Per group", "每组人数")}</span>{" "}<span class="stat-value">{format::num(n.per_variant, 0)}</span></div>
            <div><span class="stat-label">{t("Duration", "持续时间")}</span>{" "}<span class="stat-value">{tr!("{} days", "{} 天", n.duration_days)}</span></div>
        </div>
        {how(tr!("Baseline p₀ = {}: {}. The test should detect a relative lift of {} (p₁ = p₀ × (1 + lift)). Customers per group n = (z₁₋α/₂ √(2 p̄(1−p̄)) + z_power √(p₀(1−p₀) + p₁(1−p₁)))² / (p₁ − p₀)², with α = {}, power = {}, p̄ = (p₀ + p₁)/2 — the two-proportion formula of the A/B test page. {}",
            "基线 p₀ = {}：{}。测试需检测 {} 的相对提升（p₁ = p₀ × (1 + 提升)）。每组客户数 n = (z₁₋α/₂ √(2 p̄(1−p̄)) + z_power √(p₀(1−p₀) + p₁(1−p₁)))² / (p₁ − p₀)²，其中 α = {}，检验效能 = {}，p̄ = (p₀ + p₁)/2——与 A/B 测试页面相同的两比例公式。{}",
            format::pct(n.baseline), baseline, format::pct(n.lift), n.alpha, n.power, effect) + &detectable)}
    }
}

/// A reason after a sentence, in the UI language: " (reason)" / "（理由）"; nothing when empty.
fn paren(message: &Text) -> String {
    if message.is_empty() {
        String::new()
    } else {
        tr!(" ({})", "（{}）", say(message))
    }
}

fn missing(m: &Missing) -> impl IntoView {
    let text = match m {
        Missing::NoCustomers { message } => tr!(
            "The customer analysis could not run on this data{}. It needs orders with customer ids.",
            "无法对这些数据运行客户分析{}。需要带客户编号的订单。",
            paren(message)
        ),
        Missing::ModelTooThin { repeaters } => tr!(
            "Only {} customers bought more than once: too few to predict who is leaving. Import a longer order history.",
            "只有 {} 位客户购买过不止一次：不足以预测谁会流失。请导入更长的订单历史。",
            repeaters
        ),
        Missing::NoAtRiskCustomers {
            churn_risk_min,
            purchase_days_threshold: Some(days),
            ..
        } => tr!(
            "No regular customer (bought on {} or more different days) is at risk (churn risk ≥ {}): nobody needs winning back right now. Lower the churn risk above to see who comes closest.",
            "没有常客（在 {} 个或更多不同的日子购买过）处于流失风险（流失风险 ≥ {}）：目前无需挽回任何客户。可在上方降低流失风险门槛，查看最接近的客户。",
            format::num(*days, 0),
            format::pct(*churn_risk_min)
        ),
        Missing::NoAtRiskCustomers {
            clv_threshold,
            churn_risk_min,
            purchase_days_threshold: None,
        } => tr!(
            "No customer is both valuable (CLV ≥ {}) and at risk (churn risk ≥ {}): nobody needs winning back right now. Lower the churn risk above to see who comes closest.",
            "没有客户同时满足高价值（CLV ≥ {}）和高风险（流失风险 ≥ {}）：目前无需挽回任何客户。可在上方降低流失风险门槛，查看最接近的客户。",
            format::num(*clv_threshold, 2),
            format::pct(*churn_risk_min)
        ),
        Missing::NoInventory { message } => tr!(
            "The inventory analysis could not run on this data{}.",
            "无法对这些数据运行库存分析{}。",
            paren(message)
        ),
        Missing::NothingToReorder { message } => tr!(
            "No SKU needs reordering within this budget{}.",
            "在此预算内没有需要补货的 SKU{}。",
            paren(message)
        ),
        Missing::NoSpendFile => t(
            "This needs an ad-spend file: one row per week with a date, one spend column per channel (e.g. search_spend, social_spend) and revenue. Run the media-mix model on the Marketing page, or press \"Use the sample ad-spend and promotion files\" above to see how it works.",
            "需要广告支出文件：每周一行，包含日期、每个渠道一列支出（如 search_spend、social_spend）和收入。请在营销页面运行媒体组合模型，或点击上方“使用示例广告支出和促销文件”查看效果。",
        )
        .to_string(),
        Missing::NoAllocation { message } => tr!(
            "The media-mix model ran but could not suggest a split ({}).",
            "媒体组合模型已运行，但无法给出分配建议（{}）。",
            say(message)
        ),
        Missing::NoPromotion => t(
            "This needs a promotion to judge: measure one on the Marketing page (its dates in your orders, or a file with a promotion flag column), or press \"Use the sample ad-spend and promotion files\" above.",
            "需要一次促销来评估：请在营销页面测量（订单中的促销日期，或带促销标记列的文件），或点击上方“使用示例广告支出和促销文件”。",
        )
        .to_string(),
    };
    view! { <p class="missing" data-testid="missing">{text}</p> }
}

/// Open every "How was this computed?" so print and export show the explanations.
fn open_all_details() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // `querySelectorAll` through Reflect (no extra web-sys features).
    let list = js_sys::Reflect::get(doc.as_ref(), &"querySelectorAll".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(doc.as_ref(), &"#action-report details".into()).ok());
    if let Some(list) = list {
        for el in js_sys::Array::from(&list).iter() {
            if let Ok(el) = el.dyn_into::<web_sys::Element>() {
                let _ = el.set_attribute("open", "");
            }
        }
    }
}

/// The page's stylesheet text (all same-origin rules), read through the CSSOM.
fn stylesheet_text(doc: &web_sys::Document) -> String {
    let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
    let mut css = String::new();
    let Some(sheets) = get(doc.as_ref(), "styleSheets") else {
        return css;
    };
    let n = get(&sheets, "length")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    for i in 0..n {
        let Ok(sheet) = js_sys::Reflect::get_u32(&sheets, i) else {
            continue;
        };
        // Cross-origin sheets throw on cssRules: skip them.
        let Some(rules) = get(&sheet, "cssRules").filter(|r| r.is_object()) else {
            continue;
        };
        let m = get(&rules, "length")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        for j in 0..m {
            if let Some(text) = js_sys::Reflect::get_u32(&rules, j)
                .ok()
                .and_then(|r| get(&r, "cssText"))
                .and_then(|t| t.as_string())
            {
                css.push_str(&text);
                css.push('\n');
            }
        }
    }
    css
}

/// Remove every `<script …>…</script>` (case-insensitive) — the report has none, but the export
/// promises a file without scripts.
fn strip_scripts(html: &str) -> String {
    let mut out = html.to_string();
    while let Some(start) = out.to_ascii_lowercase().find("<script") {
        let lower = out.to_ascii_lowercase();
        let end = lower[start..]
            .find("</script>")
            .map(|e| start + e + "</script>".len())
            .or_else(|| lower[start..].find('>').map(|e| start + e + 1))
            .unwrap_or(out.len());
        out.replace_range(start..end, "");
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One HTML file: the stylesheet inline, the rendered report (cards, inline SVG), no scripts.
fn export_html(state: AppState) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    open_all_details();
    let Some(report) = doc.get_element_by_id("action-report") else {
        state
            .error
            .set(Some(crate::text::Text::new("common.ui.no_report")));
        return;
    };
    let body = strip_scripts(&report.outer_html());
    let css = strip_scripts(&stylesheet_text(&doc)).replace("</style", "<\\/style");
    let lang = crate::ui::i18n::lang().code();
    let title = escape(t("ShopLens action plan", "ShopLens 行动计划"));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body class=\"export\">\n<main id=\"main\">\n{body}\n</main>\n</body>\n</html>\n"
    );
    let stamp = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect::<String>();
    download::save_text(
        &format!("shoplens-action-plan-{stamp}.html"),
        "text/html;charset=utf-8",
        &html,
    );
}
