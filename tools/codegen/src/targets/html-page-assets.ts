/**
 * The reference page's inline stylesheet and script. Kept apart from the markup so each reads
 * as one thing; both are hashed into the page's Content-Security-Policy, so the page runs
 * under `default-src 'none'` with no `unsafe-inline`.
 */

/**
 * Light and dark palettes, a table that reflows into stacked cards below 48rem (no
 * horizontal scroll on a 375px phone), a visible focus ring, and the marked entry
 * (`:target` on load, `.hit` after script-driven jumps). `[hidden]` wins over every `display`
 * below: without it the stacked-cards rule would show the rows the filter hides.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--head:#f6f8fa;--accent:#0550ae;--hit:#fff8c5;--hit-line:#bf8700;--code:#eff1f3}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#161b22;--accent:#4493f8;--hit:#3b2e00;--hit-line:#d29922;--code:#262c36}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:1rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
a{color:var(--accent)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
code{background:var(--code);border-radius:4px;padding:.05em .3em}
pre{background:var(--code);padding:.75rem;border-radius:6px;white-space:pre-wrap;overflow-x:auto}
pre code{padding:0;background:none}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}
.muted{color:var(--muted)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head)}
tbody th{font-weight:400}
tr{scroll-margin-top:4rem}
tr:target,tr.hit{background:var(--hit);outline:3px solid var(--hit-line);outline-offset:-3px}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
tr:focus-visible{outline-offset:-3px}
.filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0 .25rem}
.filter input{font:inherit;padding:.4rem .6rem;min-width:0;flex:1 1 14rem;max-width:28rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
button{font:inherit;font-size:.85rem;padding:.2rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--head);color:var(--fg);cursor:pointer;white-space:nowrap}
button:hover{border-color:var(--accent)}
.yes{color:#1a7f37}@media (prefers-color-scheme:dark){.yes{color:#3fb950}}
@media (max-width:48rem){
body{padding:.75rem}
.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cards,.cards caption,.cards tbody,.cards tr,.cards th,.cards td{display:block;width:100%}
.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem;padding:.4rem .6rem}
.cards th,.cards td{border:0;padding:.15rem 0}
.cards [data-l]::before{content:attr(data-l) ": ";font-weight:600}
}
`.trim();

/**
 * Filter (code, meaning or status; every word must match; "5xx" matches a status class),
 * the entry named by the URL's fragment (an id as written, else the fragment decoded, as a
 * browser looks it up) always shown, marked, scrolled to and focused, and
 * "copy link" through the Clipboard API with a select-and-copy fallback. ES5-only syntax:
 * the page must also work in old embedded browsers.
 */
export const PAGE_SCRIPT = `
(function(){
var d=document,table=d.getElementById("codes"),rows=[].slice.call(table.tBodies[0].rows),q=d.getElementById("q"),count=d.getElementById("count"),note=d.getElementById("copied"),base=table.getAttribute("data-base");
function current(){var h=location.hash.slice(1);if(d.getElementById(h))return h;try{return decodeURIComponent(h)}catch(e){return h}}
function matches(row,words){var hay=(row.cells[0].textContent+" "+row.cells[1].textContent+" "+row.getAttribute("data-statuses")).toLowerCase();
for(var i=0;i<words.length;i++){var w=words[i],m=/^([1-5])xx$/.exec(w);if(m?!new RegExp("(^| )"+m[1]+"\\\\d\\\\d").test(row.getAttribute("data-statuses")):hay.indexOf(w)<0)return false}return true}
function filter(){var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean),id=current(),shown=0;
rows.forEach(function(r){var on=r.id===id||matches(r,words);r.hidden=!on;if(on)shown++});
count.textContent=shown===rows.length?rows.length+" codes":shown+" of "+rows.length+" codes shown"+(shown?"":": none matches")}
function jump(){var id=current(),row=id&&d.getElementById(id);rows.forEach(function(r){r.classList.toggle("hit",r===row)});filter();
if(row&&row.parentNode&&row.parentNode.parentNode===table){row.tabIndex=-1;row.focus({preventScroll:true});row.scrollIntoView({block:"center"})}}
function fallback(text){var t=d.createElement("textarea"),ok=false;t.value=text;t.setAttribute("readonly","");t.className="vh";d.body.appendChild(t);t.select();try{ok=d.execCommand("copy")}catch(e){}d.body.removeChild(t);return ok}
function copy(btn){var url=base+"#"+btn.parentNode.parentNode.id;
function done(ok){btn.focus();btn.textContent=ok?"Copied":"Copy link";note.textContent=ok?"Copied "+url:"Copy failed: select and copy "+url;setTimeout(function(){btn.textContent="Copy link"},2000)}
if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(url).then(function(){done(true)},function(){done(fallback(url))});else done(fallback(url))}
q.addEventListener("input",filter);
table.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("button.copy");if(b)copy(b)});
window.addEventListener("hashchange",jump);
d.getElementById("tools").hidden=false;
rows.forEach(function(r){r.querySelector("button.copy").hidden=false});
jump();
})();
`.trim();
