//! Exact frequent-itemset mining with FP-growth (Han, Pei & Yin, "Mining frequent patterns
//! without candidate generation", SIGMOD 2000), the algorithm behind `mlxtend.frequent_patterns
//! .fpgrowth`.
//!
//! Baskets are read from a sparse (CSR) layout; the FP-tree has at most one node per
//! (basket, item) pair, so memory is proportional to the number of lines, never
//! baskets x items. An itemset is frequent when `count >= ceil(min_support * baskets)` (the
//! mlxtend rule), so `support = count / baskets >= min_support`.

use std::collections::HashMap;

/// Baskets in compressed sparse rows: basket `b` holds `items[offsets[b]..offsets[b + 1]]`
/// (item indices, strictly increasing within a basket).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csr {
    pub offsets: Vec<usize>,
    pub items: Vec<u32>,
    /// Number of distinct item indices (all indices are `< n_items`).
    pub n_items: usize,
}

impl Csr {
    pub fn n_baskets(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn basket(&self, b: usize) -> &[u32] {
        match (self.offsets.get(b), self.offsets.get(b + 1)) {
            (Some(&s), Some(&e)) => self.items.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A frequent itemset: item indices in increasing order and the number of baskets holding all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItemset {
    pub items: Vec<u32>,
    pub count: u64,
}

/// Error: the result would exceed `limit` itemsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany {
    pub limit: usize,
}

const ROOT: u32 = u32::MAX;

/// FP-tree with nodes in flat arrays; `rank` indexes the tree's own item list.
struct Tree {
    rank: Vec<u32>,
    count: Vec<u64>,
    parent: Vec<u32>,
    /// Nodes of each rank.
    heads: Vec<Vec<u32>>,
    children: HashMap<(u32, u32), u32>,
}

impl Tree {
    fn new(n_ranks: usize) -> Tree {
        Tree {
            rank: Vec::new(),
            count: Vec::new(),
            parent: Vec::new(),
            heads: vec![Vec::new(); n_ranks],
            children: HashMap::new(),
        }
    }

    /// Insert a path of ranks (increasing = most frequent first) carrying `count`.
    fn insert(&mut self, path: &[u32], count: u64) {
        let mut node = ROOT;
        for &r in path {
            let next = match self.children.get(&(node, r)) {
                Some(&c) => {
                    if let Some(x) = self.count.get_mut(c as usize) {
                        *x += count;
                    }
                    c
                }
                None => {
                    let id = self.rank.len() as u32;
                    self.rank.push(r);
                    self.count.push(count);
                    self.parent.push(node);
                    if let Some(h) = self.heads.get_mut(r as usize) {
                        h.push(id);
                    }
                    self.children.insert((node, r), id);
                    id
                }
            };
            node = next;
        }
    }
}

/// Items of a (conditional) database with support >= `min_count`, ranked by support descending
/// (ties by item); returns `(rank -> item, item -> rank or u32::MAX)`.
fn rank_items(support: &[u64], min_count: u64) -> (Vec<u32>, Vec<u32>) {
    let mut keep: Vec<u32> = (0..support.len() as u32)
        .filter(|&i| support.get(i as usize).copied().unwrap_or(0) >= min_count)
        .collect();
    keep.sort_by(|&a, &b| {
        let (sa, sb) = (support[a as usize], support[b as usize]);
        sb.cmp(&sa).then(a.cmp(&b))
    });
    let mut to_rank = vec![u32::MAX; support.len()];
    for (r, &i) in keep.iter().enumerate() {
        to_rank[i as usize] = r as u32;
    }
    (keep, to_rank)
}

/// All itemsets with `count >= min_count` (and at most `max_len` items when given), each with
/// items sorted increasingly; order: by length, then items.
pub fn fpgrowth(
    baskets: &Csr,
    min_count: u64,
    max_len: Option<usize>,
    limit: usize,
) -> Result<Vec<RawItemset>, TooMany> {
    let min_count = min_count.max(1);
    let mut support = vec![0u64; baskets.n_items];
    for &i in &baskets.items {
        if let Some(s) = support.get_mut(i as usize) {
            *s += 1;
        }
    }
    let (rank_to_item, to_rank) = rank_items(&support, min_count);
    let mut tree = Tree::new(rank_to_item.len());
    let mut path: Vec<u32> = Vec::new();
    for b in 0..baskets.n_baskets() {
        path.clear();
        path.extend(
            baskets
                .basket(b)
                .iter()
                .filter_map(|&i| to_rank.get(i as usize).copied())
                .filter(|&r| r != u32::MAX),
        );
        path.sort_unstable();
        path.dedup();
        if !path.is_empty() {
            tree.insert(&path, 1);
        }
    }
    let mut out = Vec::new();
    let mut suffix = Vec::new();
    mine(
        &tree,
        &rank_to_item,
        min_count,
        max_len.unwrap_or(usize::MAX),
        limit,
        &mut suffix,
        &mut out,
    )?;
    for s in &mut out {
        s.items.sort_unstable();
    }
    out.sort_by(|a, b| {
        a.items
            .len()
            .cmp(&b.items.len())
            .then(a.items.cmp(&b.items))
    });
    Ok(out)
}

/// Mine `tree` (ranks mapped to global items by `items`), with `suffix` already fixed.
fn mine(
    tree: &Tree,
    items: &[u32],
    min_count: u64,
    max_len: usize,
    limit: usize,
    suffix: &mut Vec<u32>,
    out: &mut Vec<RawItemset>,
) -> Result<(), TooMany> {
    // Least frequent first, as in the paper (any order is exact).
    for r in (0..tree.heads.len()).rev() {
        let nodes = &tree.heads[r];
        let count: u64 = nodes
            .iter()
            .map(|&n| tree.count.get(n as usize).copied().unwrap_or(0))
            .sum();
        if count < min_count {
            continue;
        }
        let Some(&item) = items.get(r) else { continue };
        suffix.push(item);
        if out.len() >= limit {
            return Err(TooMany { limit });
        }
        out.push(RawItemset {
            items: suffix.clone(),
            count,
        });
        if suffix.len() < max_len && r > 0 {
            // Conditional pattern base: prefix paths of every node of rank r (ranks < r).
            let mut sup = vec![0u64; r];
            let mut flat: Vec<u32> = Vec::new();
            let mut bases: Vec<(usize, usize, u64)> = Vec::with_capacity(nodes.len());
            for &n in nodes {
                let c = tree.count.get(n as usize).copied().unwrap_or(0);
                let start = flat.len();
                let mut p = tree.parent.get(n as usize).copied().unwrap_or(ROOT);
                while p != ROOT {
                    let pr = tree.rank.get(p as usize).copied().unwrap_or(0);
                    if let Some(s) = sup.get_mut(pr as usize) {
                        *s += c;
                    }
                    flat.push(pr);
                    p = tree.parent.get(p as usize).copied().unwrap_or(ROOT);
                }
                if flat.len() > start {
                    bases.push((start, flat.len(), c));
                }
            }
            let (sub_ranks, to_sub) = rank_items(&sup, min_count);
            if !sub_ranks.is_empty() {
                let mut sub = Tree::new(sub_ranks.len());
                let mut path = Vec::new();
                for &(s, e, c) in &bases {
                    path.clear();
                    path.extend(
                        flat.get(s..e)
                            .unwrap_or(&[])
                            .iter()
                            .map(|&pr| to_sub.get(pr as usize).copied().unwrap_or(u32::MAX))
                            .filter(|&x| x != u32::MAX),
                    );
                    path.sort_unstable();
                    if !path.is_empty() {
                        sub.insert(&path, c);
                    }
                }
                let sub_items: Vec<u32> = sub_ranks
                    .iter()
                    .map(|&pr| items.get(pr as usize).copied().unwrap_or(0))
                    .collect();
                mine(&sub, &sub_items, min_count, max_len, limit, suffix, out)?;
            }
        }
        suffix.pop();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csr(baskets: &[&[u32]], n_items: usize) -> Csr {
        let mut c = Csr {
            offsets: vec![0],
            items: Vec::new(),
            n_items,
        };
        for b in baskets {
            c.items.extend_from_slice(b);
            c.offsets.push(c.items.len());
        }
        c
    }

    /// Brute force over all subsets of the item universe.
    fn brute(c: &Csr, min_count: u64) -> Vec<RawItemset> {
        let mut out = Vec::new();
        for mask in 1u32..(1 << c.n_items) {
            let items: Vec<u32> = (0..c.n_items as u32)
                .filter(|i| mask >> i & 1 == 1)
                .collect();
            let count = (0..c.n_baskets())
                .filter(|&b| items.iter().all(|i| c.basket(b).contains(i)))
                .count() as u64;
            if count >= min_count {
                out.push(RawItemset { items, count });
            }
        }
        out.sort_by(|a, b| {
            a.items
                .len()
                .cmp(&b.items.len())
                .then(a.items.cmp(&b.items))
        });
        out
    }

    #[test]
    fn han_pei_yin_example_matches_brute_force() {
        // The textbook example of Han, Pei & Yin (2000), items a..s recoded as 0..=18:
        // {f,a,c,d,g,i,m,p}, {a,b,c,f,l,m,o}, {b,f,h,j,o}, {b,c,k,s,p}, {a,f,c,e,l,p,m,n}.
        let c = csr(
            &[
                &[0, 2, 3, 5, 6, 8, 12, 15],
                &[0, 1, 2, 5, 11, 12, 14],
                &[1, 5, 7, 9, 14],
                &[1, 2, 10, 15, 18],
                &[0, 2, 4, 5, 11, 12, 13, 15],
            ],
            19,
        );
        let got = fpgrowth(&c, 3, None, 1000).unwrap();
        assert_eq!(got, brute(&c, 3));
        // Min count 3: f:4, c:4, a:3, b:3, m:3, p:3 -> 6 singles; with fc, fa, fm, ca, cm, am,
        // cp, fca, fcm, fam, cam and fcam: 18 itemsets in total (the paper's answer).
        assert_eq!(got.iter().filter(|s| s.items.len() == 1).count(), 6);
        assert_eq!(got.len(), 18);
        let limited = fpgrowth(&c, 3, Some(2), 1000).unwrap();
        assert!(limited.iter().all(|s| s.items.len() <= 2));
        assert_eq!(fpgrowth(&c, 3, None, 5), Err(TooMany { limit: 5 }));
    }
}
