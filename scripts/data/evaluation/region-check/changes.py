# Per-row changes between two tags (A -> B, default base -> town) against the truth (session 40): rows whose county was set,
# changed or removed, right / wrong / not judged, split into "(town)" and "(county named: short forms)" by whether the
# address holds the county's name or short name (an approximation). W= the worktree whose data/ judges (regions, history);
# N=0 prints no rows (for untuned files).
import csv, sqlite3, sys, os, collections
W=os.environ.get('W', '.') + '/data/'
reg={r['code']:r for r in csv.DictReader(open(W+'regions.csv',encoding='utf-8'))}
hist=collections.defaultdict(set)
for h in csv.DictReader(open(W+'region-history.csv',encoding='utf-8')): hist[h['code']].add(h['successor_code'])
hist={c:next(iter(s)) for c,s in hist.items() if len(s)==1}
A,B=os.environ.get('A','base'),os.environ.get('B','town')
st=collections.Counter(); ex=collections.defaultdict(list)
def load(t,p): return {n:(pc,cc,kc) for n,pc,cc,kc in sqlite3.connect(f"st-{t}-{p}/chainmap.db").execute("select name,province_code,city_code,county_code from company")}
for p in sys.argv[1:]:
    a=load(A,p); b=load(B,p)
    for t in csv.DictReader(open(f"truth-{p}.csv",encoding='utf-8')):
        x=a.get(t['name']); y=b.get(t['name'])
        if x==y or x is None or y is None: continue
        u=t['uscc_region']
        if u not in reg and u in hist: u=hist[u]
        judged = u in reg and reg[u]['level']=='county'
        cn = reg.get(y[2] or '', {}).get('name', '')
        named = bool(cn) and (cn in t['address'] or cn[:-1] in t['address'] or cn.replace('回族区', '区') in t['address'] or cn[:-3] in t['address'] and cn.endswith('回族区'))
        kind = ('county added' + (' (county named: short forms)' if named else ' (town)') if x[2] is None and y[2] else 'county changed' if x[2] and y[2] else 'county removed' if x[2] and not y[2] else 'city only')
        cls = 'not judged' if not judged else ('right' if y[2]==u else 'wrong')
        st[(kind,cls)]+=1
        if cls=='wrong': ex[kind].append((p, reg.get(u,{}).get('name'), 'got', reg.get(y[2] or '',{}).get('name'), 'was', reg.get(x[2] or '',{}).get('name'), t['area'], t['address'][:40]))
for k,v in sorted(st.items()): print(k,v)
N=int(os.environ.get('N','20'))
for k,l in ex.items():
    print('==',k,len(l))
    for e in l[:N]: print(*e)
