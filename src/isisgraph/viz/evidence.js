// What the isisgraph pages share (inlined before page.js and chart.js): text elements, and the
// link to the article a piece of evidence comes from (only http(s) addresses become links).

function text(tag, content, className) {
  var node = document.createElement(tag);
  if (content !== undefined && content !== null) node.textContent = String(content);
  if (className) node.className = className;
  return node;
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function articleLink(evidence) {
  var line = text("p", null, "source");
  var url = safeUrl(evidence.url);
  var name = evidence.headline || evidence.url || evidence.article || "the article";
  if (url) {
    var link = text("a", name);
    link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
    line.appendChild(link);
  } else {
    line.appendChild(text("span", name));
  }
  var details = [evidence.publisher, evidence.published].filter(Boolean).join(", ");
  if (details) line.appendChild(text("span", " — " + details));
  return line;
}
