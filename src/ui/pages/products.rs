//! Products: market-basket rules (FP-growth), "bought together", and personalised
//! recommendations with the model comparison. All numbers come from the worker.

use super::NeedData;
use crate::analytics::basket::{BasketParams, BasketReport};
use crate::analytics::recommend::{ModelChoice, RecommendReport};
use crate::protocol::Task;
use crate::ui::bridge;
use crate::ui::charts::Heatmap;
use crate::ui::format;
use crate::ui::i18n::{say, t};
use crate::ui::state::AppState;
use crate::ui::table::{number as num, Cell, Column, DataTable};
use leptos::prelude::*;

fn names(items: &[String], report: &BasketReport) -> String {
    items
        .iter()
        .map(|sku| match report.names.get(sku) {
            Some(n) if !n.is_empty() && n != sku => format!("{n} ({sku})"),
            _ => sku.clone(),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The basket parameter form. It lives as long as the page (not one report), so edits survive
/// a report landing while the user types.
#[derive(Clone, Copy)]
struct BasketForm {
    min_support: RwSignal<String>,
    min_conf: RwSignal<String>,
    min_lift: RwSignal<String>,
    max_len: RwSignal<String>,
    country: RwSignal<String>,
    /// `None` = the detected non-product list.
    exclude: RwSignal<Option<String>>,
    focus: RwSignal<String>,
}

impl BasketForm {
    fn new(p: &BasketParams) -> Self {
        Self {
            min_support: RwSignal::new(p.min_support.to_string()),
            min_conf: RwSignal::new(p.min_confidence.to_string()),
            min_lift: RwSignal::new(p.min_lift.to_string()),
            max_len: RwSignal::new(p.max_len.map(|l| l.to_string()).unwrap_or_default()),
            country: RwSignal::new(p.country.clone().unwrap_or_default()),
            exclude: RwSignal::new(p.exclude_items.as_ref().map(|v| v.join(", "))),
            focus: RwSignal::new(p.focus_item.clone().unwrap_or_default()),
        }
    }
}

#[component]
pub fn Products() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form = BasketForm::new(&state.basket_params.get_untracked());
    Effect::new(move |_| {
        let gen = state.dataset_gen.get();
        if state.report.with(Option::is_none) {
            return;
        }
        let basket_fresh = state
            .basket
            .with_untracked(|b| b.as_ref().map(|b| b.gen == gen).unwrap_or(false));
        if !basket_fresh && !state.basket_busy.get_untracked() {
            bridge::analyze(
                state,
                Task::Basket {
                    params: state.basket_params.get_untracked(),
                },
            );
        }
        let rec_fresh = state
            .recommend
            .with_untracked(|b| b.as_ref().map(|b| b.gen == gen).unwrap_or(false));
        if !rec_fresh && !state.recommend_busy.get_untracked() {
            bridge::analyze(
                state,
                Task::Recommend {
                    params: state.recommend_params.get_untracked(),
                },
            );
        }
    });
    // "Bought together" starts on the best-selling product.
    Effect::new(move |_| {
        let top = state.basket.with(|b| {
            b.as_ref()
                .filter(|b| b.report.params.focus_item.is_none())
                .and_then(|b| {
                    b.report
                        .itemsets
                        .iter()
                        .find(|i| i.items.len() == 1)
                        .map(|i| i.items[0].clone())
                })
        });
        if let Some(top) = top {
            let mut params = state.basket_params.get_untracked();
            if params.focus_item.is_none() {
                form.focus.set(top.clone());
                params.focus_item = Some(top);
                state.basket_params.set(params.clone());
                bridge::analyze(state, Task::Basket { params });
            }
        }
    });
    move || {
        if state.report.with(Option::is_none) {
            return view! { <NeedData/> }.into_any();
        }
        view! {
            <div class="page-head"><h1>{t("Products", "商品")}</h1></div>
            {move || match state.basket.get() {
                None => view! { <section class="card empty" data-testid="basket-loading"><p>{t("Finding products bought together…", "正在查找一起购买的商品…")}</p></section> }.into_any(),
                Some(p) => view! { <BasketSection report=p.report millis=p.millis form=form/> }.into_any(),
            }}
            {move || match state.recommend.get() {
                None => view! { <section class="card empty" data-testid="recommend-loading"><p>{t("Training and comparing recommenders on your data…", "正在用您的数据训练并比较推荐模型…")}</p></section> }.into_any(),
                Some(p) => view! { <RecommendSection report=p.report millis=p.millis/> }.into_any(),
            }}
        }
        .into_any()
    }
}

#[component]
fn BasketSection(report: BasketReport, millis: f64, form: BasketForm) -> impl IntoView {
    let state = expect_context::<AppState>();
    let BasketForm {
        min_support,
        min_conf,
        min_lift,
        max_len,
        country,
        focus,
        ..
    } = form;
    let excluded_default = report
        .excluded
        .iter()
        .map(|(s, _)| s.clone())
        .collect::<Vec<String>>()
        .join(", ");
    let exclude_text = move || {
        form.exclude
            .get()
            .unwrap_or_else(|| excluded_default.clone())
    };
    let rerun = move || {
        let mut params: BasketParams = state.basket_params.get_untracked();
        params.min_support = min_support
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(params.min_support);
        params.min_confidence = min_conf
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(params.min_confidence);
        params.min_lift = min_lift
            .get_untracked()
            .trim()
            .parse()
            .unwrap_or(params.min_lift);
        params.max_len = max_len.get_untracked().trim().parse().ok();
        params.country = Some(country.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
        if let Some(text) = form.exclude.get_untracked() {
            params.exclude_items = Some(
                text.split([',', '\n'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            );
        }
        params.focus_item =
            Some(focus.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
        state.basket_params.set(params.clone());
        bridge::analyze(state, Task::Basket { params });
    };

    let r = StoredValue::new(report.clone());
    let rule_rows: Vec<Vec<Cell>> = report
        .rules
        .iter()
        .map(|ru| {
            vec![
                Cell::Text(names(&ru.antecedent, &report)),
                Cell::Text(names(&ru.consequent, &report)),
                num(ru.support, 4),
                num(ru.confidence, 3),
                num(ru.lift, 2),
                num(ru.leverage, 4),
                num(ru.conviction, 2),
            ]
        })
        .collect();
    let itemset_rows: Vec<Vec<Cell>> = report
        .itemsets
        .iter()
        .map(|i| {
            vec![
                Cell::Text(names(&i.items, &report)),
                num(i.items.len() as f64, 0),
                num(i.count as f64, 0),
                num(i.support, 4),
            ]
        })
        .collect();
    let co_rows = |v: &[crate::analytics::basket::CoItem]| -> Vec<Vec<Cell>> {
        v.iter()
            .map(|c| {
                vec![
                    Cell::Text(c.sku.clone()),
                    Cell::Text(c.name.clone()),
                    num(c.together as f64, 0),
                    num(c.confidence, 3),
                    num(c.lift, 2),
                ]
            })
            .collect()
    };
    let together = co_rows(&report.bought_together);
    let also = co_rows(&report.also_bought);

    // Matrix of the strongest single-item rules (lift), at most 12 items.
    let matrix = crate::analytics::basket::matrix::lift_matrix(&report.rules, 12);
    let n = matrix.items.len();
    let max_lift = matrix
        .cells
        .iter()
        .map(|&(_, _, k)| report.rules[k].lift)
        .fold(1.0_f64, f64::max);
    let mut values = vec![vec![None; n]; n];
    let mut hover = vec![vec![String::new(); n]; n];
    let mut shown = vec![vec![String::new(); n]; n];
    for &(i, j, k) in &matrix.cells {
        let ru = &report.rules[k];
        values[i][j] = Some((ru.lift / max_lift).clamp(0.0, 1.0));
        // The lift itself in the cell (a 34-pixel cell holds "30.6" or "123").
        shown[i][j] = format::num(ru.lift, if ru.lift < 100.0 { 1 } else { 0 });
        hover[i][j] = crate::tr!(
            "{} → {}: lift {:.2}, confidence {:.0}%",
            "{} → {}：提升度 {:.2}，置信度 {:.0}%",
            names(&ru.antecedent, &report),
            names(&ru.consequent, &report),
            ru.lift,
            ru.confidence * 100.0
        );
    }
    let items = matrix.items;
    let labels: Vec<String> = items.clone();
    let by_len = report
        .itemsets_by_len
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(l, n)| {
            if l == 0 {
                crate::tr!("{} of 1 item", "{} 个单品集", format::int(*n))
            } else {
                crate::tr!(
                    "{} of {} items",
                    "{} 个 {} 件商品组合",
                    format::int(*n),
                    l + 1
                )
            }
        })
        .collect::<Vec<_>>()
        .join(t(", ", "，"));
    let product_options: Vec<(String, String)> = report
        .names
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();

    view! {
        <section class="card" data-testid="basket">
            <div class="card-head">
                <h2>{t("Bought together: market-basket rules", "一起购买：购物篮关联规则")}</h2>
                <span class="muted small">{crate::tr!("computed in {:.2} s", "用时 {:.2} 秒", millis / 1000.0)}</span>
            </div>
            <p class="small">{crate::tr!("{} baskets (orders) with {} different products, {:.1} products per basket on average. Frequent sets: {}. Rules: {}.",
                "{} 个购物篮（订单），涉及 {} 种商品，平均每篮 {:.1} 件商品。频繁项集：{}。规则：{} 条。",
                format::int(report.baskets), format::int(report.items), report.mean_basket_size,
                if by_len.is_empty() { t("none", "无").to_string() } else { by_len }, format::int(report.rules.len() as u64))}</p>
            <div class="params">
                <label>{t("Min support ", "最小支持度 ")} <input type="number" step="0.005" min="0.001" max="1" prop:value=move || min_support.get() on:change=move |ev| min_support.set(event_target_value(&ev))/></label>
                <label>{t(" Min confidence ", " 最小置信度 ")} <input type="number" step="0.05" min="0" max="1" prop:value=move || min_conf.get() on:change=move |ev| min_conf.set(event_target_value(&ev))/></label>
                <label>{t(" Min lift ", " 最小提升度 ")} <input type="number" step="0.5" min="0" prop:value=move || min_lift.get() on:change=move |ev| min_lift.set(event_target_value(&ev))/></label>
                <label>{t(" Max items ", " 最多商品数 ")} <input type="number" min="1" max="10" prop:value=move || max_len.get() on:change=move |ev| max_len.set(event_target_value(&ev))/></label>
                <label>{t(" Country ", " 国家/地区 ")} <input type="text" placeholder=t("all", "全部") prop:value=move || country.get() on:change=move |ev| country.set(event_target_value(&ev))/></label>
                <button class="btn small primary" on:click=move |_| rerun() disabled=move || state.basket_busy.get()>
                    {move || if state.basket_busy.get() { t("Computing…", "计算中…") } else { t("Update", "更新") }}</button>
            </div>
            <details class="how">
                <summary>{crate::tr!("Left out as non-products ({}): postage, fees, gift cards, adjustments — edit the list", "作为非商品排除（{}）：邮费、手续费、礼品卡、调整项——可编辑列表", report.excluded.len())}</summary>
                <textarea rows="3" class="wide" aria-label=t("SKUs left out", "排除的货号") prop:value=exclude_text on:change=move |ev| form.exclude.set(Some(event_target_value(&ev)))></textarea>
                <ul class="small">{report.detected_non_products.iter().map(|n| view! { <li>{crate::tr!("{} {} — {} ({} lines)", "{} {} — {}（{} 行）", n.sku, n.name, say(&n.reason), n.lines)}</li> }).collect_view()}</ul>
            </details>
            <details class="how"><summary>{t("How was this computed?", "这是怎么算的？")}</summary>
                <p>{t("Support = share of baskets containing the items. Confidence(A→B) = support(A+B) / support(A): how often B is in the basket when A is. Lift = confidence / support(B): above 1 means A and B go together more than by chance. Leverage = support(A+B) − support(A)·support(B). Conviction = (1 − support(B)) / (1 − confidence). Frequent sets are found exactly with FP-growth (Han, Pei & Yin 2000).",
                    "支持度 = 包含这些商品的购物篮占比。置信度(A→B) = 支持度(A+B) / 支持度(A)：有 A 时购物篮里也有 B 的频率。提升度 = 置信度 / 支持度(B)：大于 1 表示 A 和 B 一起出现的次数超过偶然。杠杆率 = 支持度(A+B) − 支持度(A)·支持度(B)。确信度 = (1 − 支持度(B)) / (1 − 置信度)。频繁项集用 FP-growth 精确求出（Han、Pei 和 Yin，2000）。")}</p>
                {report.notes.iter().map(|n| view! { <p>{say(n)}</p> }).collect_view()}
            </details>
            <h3>{t("Strongest rules", "最强规则")}</h3>
            <DataTable id="rules" rows=Signal::derive(move || rule_rows.clone()) columns=vec![
                Column::text("antecedent", t("If the basket has", "如果购物篮里有")), Column::text("consequent", t("it often also has", "通常也会有")),
                Column::num("support", t("Support", "支持度")), Column::num("confidence", t("Confidence", "置信度")), Column::num("lift", t("Lift", "提升度")),
                Column::num("leverage", t("Leverage", "杠杆率")), Column::num("conviction", t("Conviction", "确信度")),
            ]/>
            {(!labels.is_empty()).then(|| view! {
                <h3>{t("Rule matrix: the lift of \"if the row's item, then the column's\" (darker = stronger)", "规则矩阵：“有行商品，则有列商品”的提升度（颜色越深越强）")}</h3>
                <Heatmap row_labels=labels.clone() col_labels=labels.clone() values=values hover=hover shown=shown title=t("Lift between the top products", "热门商品之间的提升度").to_string()/>
            })}
            <h3>{t("Frequent item sets", "频繁项集")}</h3>
            <DataTable id="itemsets" rows=Signal::derive(move || itemset_rows.clone()) page_size=10 columns=vec![
                Column::text("items", t("Items", "商品")), Column::num("length", t("Size", "件数")), Column::num("baskets", t("Baskets", "购物篮数")), Column::num("support", t("Support", "支持度")),
            ]/>
        </section>
        <section class="card" data-testid="bought-together">
            <h2>{t("Frequently bought together", "经常一起购买")}</h2>
            <div class="params">
                <label>{t("Product (SKU) ", "商品（货号） ")}
                    <input type="text" list="sku-list" prop:value=move || focus.get() on:change=move |ev| focus.set(event_target_value(&ev))/>
                </label>
                <datalist id="sku-list">
                    {product_options.into_iter().take(5000).map(|(k, v)| view! { <option value=k.clone()>{v}</option> }).collect_view()}
                </datalist>
                <button class="btn small primary" on:click=move |_| rerun()>{t("Show", "显示")}</button>
            </div>
            {move || r.with_value(|r| r.params.focus_item.clone()).map(|f| view! { <p class="small">{crate::tr!("For {}", "针对 {}", r.with_value(|r| names(std::slice::from_ref(&f), r)))}</p> })}
            <div class="two-col">
                <div>
                    <h3>{t("In the same basket", "同一购物篮中")}</h3>
                    <DataTable id="bought-together" rows=Signal::derive(move || together.clone()) page_size=10 columns=vec![
                        Column::text("sku", t("SKU", "货号")), Column::text("name", t("Product", "商品")), Column::num("together", t("Baskets", "购物篮数")),
                        Column::num("confidence", t("Confidence", "置信度")), Column::num("lift", t("Lift", "提升度")),
                    ]/>
                </div>
                <div>
                    <h3>{t("Customers who bought this also bought", "买了它的客户还买了")}</h3>
                    <DataTable id="also-bought" rows=Signal::derive(move || also.clone()) page_size=10 columns=vec![
                        Column::text("sku", t("SKU", "货号")), Column::text("name", t("Product", "商品")), Column::num("customers", t("Customers", "客户数")),
                        Column::num("confidence", t("Confidence", "置信度")), Column::num("lift", t("Lift", "提升度")),
                    ]/>
                </div>
            </div>
        </section>
    }
}

#[component]
fn RecommendSection(report: RecommendReport, millis: f64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let include = RwSignal::new(report.params.include_repurchases);
    let rerun = move |_| {
        let mut params = state.recommend_params.get_untracked();
        params.include_repurchases = include.get_untracked();
        state.recommend_params.set(params.clone());
        bridge::analyze(state, Task::Recommend { params });
    };
    let eval_rows: Vec<Vec<Cell>> = report
        .selection
        .as_ref()
        .map(|e| {
            e.rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(model_name(r.model)),
                        num(r.recall, 4),
                        num(r.ndcg, 4),
                        num(r.fit_seconds, 2),
                        Cell::Text(say(&r.detail)),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    let sel = report.selection.clone();
    let rec_rows: Vec<Vec<Cell>> = report
        .customers
        .iter()
        .flat_map(|c| {
            c.items.iter().map(move |i| {
                vec![
                    Cell::Text(c.customer_id.clone()),
                    num(i.rank as f64, 0),
                    Cell::Text(i.item_id.clone()),
                    Cell::Text(i.name.clone()),
                    num(i.score, 4),
                    Cell::Text(say(&i.reason)),
                ]
            })
        })
        .collect();
    view! {
        <section class="card" data-testid="recommendations">
            <div class="card-head">
                <h2>{t("Personal recommendations", "个性化推荐")}</h2>
                <span class="muted small">{crate::tr!("computed in {:.2} s", "用时 {:.2} 秒", millis / 1000.0)}</span>
            </div>
            <p class="small">{crate::tr!("Model used: {} — {}. Trained on {} customers, {} products, {} purchases.",
                "使用的模型：{} — {}。训练数据：{} 位客户、{} 种商品、{} 次购买。",
                model_name(report.model), say(&report.detail), format::int(report.train_users as u64), format::int(report.train_items as u64), format::int(report.train_interactions as u64))}</p>
            {sel.map(|e| view! {
                <h3>{t("How good are they? Models compared on your own data", "推荐得准不准？用您自己的数据比较模型")}</h3>
                <p class="muted small">{crate::tr!("Each model learned from purchases before a cut-off and had to guess the products {0} customers bought for the first time afterwards. Recall@{1} = share of those products found in the top {1}; NDCG@{1} also rewards putting them near the top. The best model is used.",
                    "每个模型只用截止日前的购买来学习，然后猜 {0} 位客户之后首次购买的商品。Recall@{1} = 这些商品出现在前 {1} 个推荐中的比例；NDCG@{1} 还会奖励把它们排在前面。最终使用最好的模型。",
                    format::int(e.users as u64), e.k)}</p>
                <DataTable id="recommender-eval" rows=Signal::derive(move || eval_rows.clone()) page_size=10 columns=vec![
                    Column::text("model", t("Model", "模型")), Column::num("recall", "Recall@20"), Column::num("ndcg", "NDCG@20"),
                    Column::num("fit_seconds", t("Fit (s)", "训练（秒）")), Column::text("detail", t("Settings", "设置")),
                ]/>
            })}
            <label class="check"><input type="checkbox" prop:checked=move || include.get() on:change=move |ev| include.set(event_target_checked(&ev))/>{t(" Include products the customer already bought (repurchases)", " 包含客户已买过的商品（复购）")}</label>
            <button class="btn small" on:click=rerun disabled=move || state.recommend_busy.get()>{move || if state.recommend_busy.get() { t("Computing…", "计算中…") } else { t("Update", "更新") }}</button>
            <h3>{t("Top picks per customer", "每位客户的首选推荐")}</h3>
            <p class="muted small">{t("Download for an email campaign: one row per customer and recommended product, with the reason.", "可下载用于邮件营销：每位客户和每个推荐商品一行，附推荐理由。")}</p>
            <DataTable id="recommendations" rows=Signal::derive(move || rec_rows.clone()) page_size=10 columns=vec![
                Column::text("customer_id", t("Customer", "客户")), Column::num("rank", t("Rank", "排名")), Column::text("item_id", t("SKU", "货号")),
                Column::text("name", t("Product", "商品")), Column::num("score", t("Score", "得分")), Column::text("reason", t("Why", "理由")),
            ]/>
            {report.notes.iter().map(|n| view! { <p class="muted small">{say(n)}</p> }).collect_view()}
        </section>
    }
}

/// A recommender's display name (the core's catalogue, [`ModelChoice::name`]).
fn model_name(m: ModelChoice) -> String {
    say(&m.name())
}
