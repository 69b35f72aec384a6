//! Sentences of the products area (market basket and recommendations).

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    // Basket
    Entry {
        key: "products.basket.excluded_listed",
        en: "excluded exactly the listed items ({n}): {items}",
        zh: "只排除了列出的商品（{n} 个）：{items}",
    },
    Entry {
        key: "products.basket.excluded_detected",
        en: "excluded the detected non-product items (postage, fees, gift cards, adjustments): {items}",
        zh: "排除了识别出的非商品项（邮费、手续费、礼品卡、调整项）：{items}",
    },
    Entry {
        key: "products.nonproduct.code",
        en: "code '{sku}' is a usual non-product code",
        zh: "编码“{sku}”是常见的非商品编码",
    },
    Entry {
        key: "products.nonproduct.word",
        en: "description '{name}' mentions {word}",
        zh: "描述“{name}”中含有 {word}",
    },
    Entry {
        key: "products.nonproduct.short",
        en: "code '{sku}' is short and has no digits",
        zh: "编码“{sku}”很短且不含数字",
    },
    Entry {
        key: "products.nonproduct.gift",
        en: "'{name}' is a gift card or voucher: money paid for a later purchase, not goods",
        zh: "“{name}”是礼品卡或代金券：为日后购物预付的钱，不是商品",
    },
    // Recommendations
    Entry {
        key: "products.rec.guests",
        en: "{n} guest lines (no customer id) left out: recommendations are per customer",
        zh: "已略去 {n} 行游客订单（没有客户编号）：推荐是按客户给出的",
    },
    Entry {
        key: "products.rec.ratings",
        en: "ratings present: a rating >= 4 counts as a purchase ({kept} of {rows} rows kept, {low} lower ratings dropped)",
        zh: "数据中有评分：评分 >= 4 算作一次购买（{rows} 行中保留 {kept} 行，去掉 {low} 个较低评分）",
    },
    Entry {
        key: "products.rec.no_time",
        en: "no timestamp column: a random holdout cannot be temporal; all rows are training data",
        zh: "没有时间列：无法按时间留出检验数据，所有行都用作训练数据",
    },
    Entry {
        key: "products.rec.ease_priors",
        en: "EASE priors (not searched; tune = grid searches 36 combinations): λ {lambda}, recency τ {tau} days, recent-popularity weight {beta}",
        zh: "EASE 使用默认参数（未搜索；开启调参会网格搜索 36 种组合）：λ {lambda}，时间衰减 τ {tau} 天，近期热度权重 {beta}",
    },
    Entry {
        key: "products.rec.ease_no_span",
        en: "EASE: no time span to tune on; λ 300, no recency weighting",
        zh: "EASE：没有可用于调参的时间跨度；使用 λ 300，不按时间加权",
    },
    Entry {
        key: "products.rec.ease_no_users",
        en: "EASE: validation split has no users; defaults used",
        zh: "EASE：验证集中没有客户；使用默认参数",
    },
    Entry {
        key: "products.rec.ease_tuned",
        en: "EASE tuned on the last {share} of the training period ({users} validation users): λ {lambda}, recency τ {tau} days, recent-popularity weight {beta} (validation NDCG@20 {ndcg})",
        zh: "EASE 在训练期最后 {share} 的数据上调参（{users} 位验证客户）：λ {lambda}，时间衰减 τ {tau} 天，近期热度权重 {beta}（验证 NDCG@20 {ndcg}）",
    },
    // Recommender names (the page and the notes; the CLI uses `ModelChoice::key`).
    Entry {
        key: "products.model.auto",
        en: "automatic",
        zh: "自动",
    },
    Entry {
        key: "products.model.popularity",
        en: "popularity",
        zh: "热销榜",
    },
    Entry {
        key: "products.model.itemknn",
        en: "similar products (ItemKNN)",
        zh: "相似商品（ItemKNN）",
    },
    Entry {
        key: "products.model.ease",
        en: "EASE linear model",
        zh: "EASE 线性模型",
    },
    Entry {
        key: "products.model.als",
        en: "ALS matrix factorisation",
        zh: "ALS 矩阵分解",
    },
    Entry {
        key: "products.model.content",
        en: "product content",
        zh: "基于商品内容",
    },
    Entry {
        key: "products.rec.chosen",
        en: "model chosen by NDCG@20 on the last {share} of the training period ({users} customers): {model}",
        zh: "按训练期最后 {share} 数据上的 NDCG@20 选出模型（{users} 位客户）：{model}",
    },
    Entry {
        key: "products.rec.no_holdout",
        en: "too little history for a holdout: item-kNN used",
        zh: "历史数据太少，无法留出检验：使用 item-kNN",
    },
    Entry {
        key: "products.rec.ease_skipped",
        en: "EASE skipped: {n} items > {max} (its dense item x item matrix would not fit)",
        zh: "跳过 EASE：商品数 {n} > {max}（它的商品 × 商品稠密矩阵放不下）",
    },
    // The model comparison's settings column (EvalRow::detail), one per model.
    Entry {
        key: "products.rec.set_popularity",
        en: "distinct buyers",
        zh: "按不同买家数排序",
    },
    Entry {
        key: "products.rec.set_knn",
        en: "cosine, neighbours {k}",
        zh: "余弦相似度，近邻数 {k}",
    },
    Entry {
        key: "products.rec.set_knn_all",
        en: "cosine, neighbours all",
        zh: "余弦相似度，使用全部近邻",
    },
    Entry {
        key: "products.rec.set_ease",
        en: "λ {lambda}, recency τ {tau} days, recent-popularity weight {beta}",
        zh: "λ {lambda}，时间衰减 τ {tau} 天，近期热度权重 {beta}",
    },
    Entry {
        key: "products.rec.set_ease_no_recency",
        en: "λ {lambda}, recency τ inf days, recent-popularity weight {beta}",
        zh: "λ {lambda}，不按时间衰减，近期热度权重 {beta}",
    },
    Entry {
        key: "products.rec.set_als",
        en: "{f} factors, reg {reg}, alpha {alpha}, {iter} iterations, seed {seed}",
        zh: "{f} 个因子，正则化 {reg}，alpha {alpha}，迭代 {iter} 次，随机种子 {seed}",
    },
    Entry {
        key: "products.rec.set_content",
        en: "TF-IDF cosine of product names",
        zh: "商品名称的 TF-IDF 余弦相似度",
    },
    Entry {
        key: "products.rec.set_skipped",
        en: "skipped: {n} items > {max} (dense item x item matrix too large)",
        zh: "已跳过：商品数 {n} > {max}（商品 × 商品稠密矩阵太大）",
    },
    Entry {
        key: "products.rec.popular",
        en: "popular with customers",
        zh: "受顾客欢迎",
    },
    Entry {
        key: "products.rec.because_one",
        en: "because you bought {a}",
        zh: "因为您买过 {a}",
    },
    Entry {
        key: "products.rec.because_two",
        en: "because you bought {a} and {b}",
        zh: "因为您买过 {a} 和 {b}",
    },
    // Errors of the basket and recommendation pillars (BasketError, RecommendError).
    Entry {
        key: "products.err.param",
        en: "parameter {name}: {message}",
        zh: "参数 {name}：{message}",
    },
    Entry {
        key: "products.err.bad_filter",
        en: "filter '{filter}': expected COLUMN=VALUE with COLUMN one of country, category, currency",
        zh: "筛选条件“{filter}”：应为 列=值，列是 country、category、currency 之一",
    },
    Entry {
        key: "products.err.no_baskets",
        en: "no baskets left after the filter ({filter}) and the exclusions",
        zh: "经过筛选（{filter}）和排除之后，没有剩下任何购物篮",
    },
    Entry {
        key: "products.err.unknown_item",
        en: "unknown item '{item}' (not among the filtered baskets)",
        zh: "未知商品“{item}”（不在筛选后的购物篮中）",
    },
    Entry {
        key: "products.err.too_many",
        en: "more than {limit} {what}: raise the minimum support or confidence, or set a maximum length",
        zh: "{what}超过 {limit} 个：请提高最小支持度或置信度，或设置最大长度",
    },
    Entry {
        key: "products.err.what_itemsets",
        en: "itemsets",
        zh: "项集",
    },
    Entry {
        key: "products.err.what_rules",
        en: "rules",
        zh: "规则",
    },
    Entry {
        key: "products.err.no_interactions",
        en: "no interactions: {why}",
        zh: "没有交互记录：{why}",
    },
    Entry {
        key: "products.err.why_no_test_users",
        en: "no user has both training items and new test items at this cutoff",
        zh: "在这个截止日期下，没有用户同时有训练商品和新的测试商品",
    },
    Entry {
        key: "products.err.why_no_training",
        en: "no events before the training end",
        zh: "训练期结束前没有任何事件",
    },
    Entry {
        key: "products.err.why_no_products",
        en: "no sale line names a product (SKU or product name): the file lists orders, not the items in them (Etsy's 'Sold Orders' export, say); import an export with one row per item ('Sold Order Items')",
        zh: "没有任何销售行写明商品（SKU 或商品名称）：该文件列的是订单而不是订单中的商品（例如 Etsy 的“Sold Orders”导出）；请导入每件商品一行的导出（“Sold Order Items”）",
    },
    Entry {
        key: "products.err.no_products",
        en: "no sale line names a product (SKU or product name): the file lists orders, not the items in them (Etsy's 'Sold Orders' export, say), so there are no baskets to analyse; import an export with one row per item ('Sold Order Items')",
        zh: "没有任何销售行写明商品（SKU 或商品名称）：该文件列的是订单而不是订单中的商品（例如 Etsy 的“Sold Orders”导出），因此没有购物篮可分析；请导入每件商品一行的导出（“Sold Order Items”）",
    },
    Entry {
        key: "products.err.why_no_customer_ids",
        en: "no sale line has a customer id (guest orders only), and recommendations need to know who bought what",
        zh: "没有任何销售行带客户编号（只有游客订单），而推荐需要知道谁买了什么",
    },
    Entry {
        key: "products.err.why_no_rows",
        en: "{file}: no usable rows",
        zh: "{file}：没有可用的行",
    },
    Entry {
        key: "products.err.numerical",
        en: "numerical problem: {message}",
        zh: "数值问题：{message}",
    },
    // A bad cell of an interactions file (after "file, row N, column 'x': ").
    Entry {
        key: "products.err.empty_user",
        en: "empty user id",
        zh: "用户 ID 为空",
    },
    Entry {
        key: "products.err.empty_item",
        en: "empty item id",
        zh: "商品 ID 为空",
    },
    Entry {
        key: "products.err.expected_timestamp",
        en: "expected Unix seconds or YYYY-MM-DD, found '{found}'",
        zh: "应为 Unix 秒数或 YYYY-MM-DD 格式的日期，实际是“{found}”",
    },
    // The filter of an empty basket error.
    Entry {
        key: "products.err.no_filter",
        en: "no filter",
        zh: "未筛选",
    },
];
