"""Monte Carlo check of the promotion-lift prediction interval (tests/marketing_promo.rs simulation design): coverage and spread over 2,000 draws."""
import numpy as np
from scipy import stats
rng=np.random.default_rng(0)
n=730; start=19359; d=start+np.arange(n); t=np.arange(n)
dow=np.array([0,5,10,5,20,40,30.])[t%7]
on=np.zeros(n,bool)
for a,b in [(100,110),(350,360),(600,610)]: on[a:b]=True
cols=[np.ones(n),(d-d[0])/(n)]
for k in range(1,4):
    w=2*np.pi*k*d/365.25; cols+=[np.sin(w),np.cos(w)]
wd=(d+3)%7
for j in range(1,7): cols.append((wd==j).astype(float))
X=np.column_stack(cols)
base=200+40*t/n+30*np.sin(2*np.pi*d/365.25)+dow
cov=0; ests=[]
Xb=X[~on]; XtXi=np.linalg.inv(Xb.T@Xb); s=X[on].sum(0); m=on.sum()
q=stats.t.ppf(0.975, (~on).sum()-X.shape[1])
for r in range(2000):
    y=base+60*on+10*rng.standard_normal(n)
    b=XtXi@Xb.T@y[~on]; res=y[~on]-Xb@b; s2=res@res/((~on).sum()-X.shape[1])
    inc=(y[on]-X[on]@b).sum(); half=q*np.sqrt(s2*(m+s@XtXi@s))
    cov+= abs(inc-1800)<=half; ests.append(inc)
print(cov/2000, np.std(ests), half/q)
