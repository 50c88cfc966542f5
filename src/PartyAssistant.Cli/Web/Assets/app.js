// The web page over /api. Every text from the server goes into the page through textContent, never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  let conversationId = null;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // A ProblemDetails' Vietnamese detail, or a plain message when the server could not be reached.
  async function problemOf(response) {
    try {
      const body = await response.json();
      return body.detail || body.title || `Lỗi ${response.status}.`;
    } catch {
      return `Lỗi ${response.status}.`;
    }
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch {
      throw new Error("Không kết nối được máy chủ; xin thử lại.");
    }
    if (!response.ok) throw new Error(await problemOf(response));
    return response;
  }

  const postJson = (path, body) => api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

  function setStatus(id, text, isError) {
    const node = $(id);
    node.textContent = text;
    node.classList.toggle("error", !!isError);
  }

  // ---- Passages in context -------------------------------------------------------------------

  async function openPassage(passageId, opener) {
    const dialog = $("passage-dialog");
    try {
      const passage = await (await api(`/api/passages/${passageId.split("/").map(encodeURIComponent).join("/")}`)).json();
      $("passage-title").textContent = passage.label;
      $("passage-document").textContent = `${passage.document.title} (${passage.passage_id})`;
      $("passage-standing").textContent = `Tình trạng: ${passage.document.status}`;
      const summary = $("passage-summary");
      summary.hidden = passage.document.kind !== "summary";
      summary.textContent = passage.document.kind === "summary" ? `bản tóm tắt — ${passage.document.summary_note}` : "";
      $("passage-heading").textContent = passage.heading || "";
      $("passage-previous").textContent = passage.previous_text ? `… ${passage.previous_text}` : "";
      $("passage-text").textContent = passage.text;
      $("passage-next").textContent = passage.next_text ? `${passage.next_text} …` : "";
      dialog.returnFocusTo = opener;
      dialog.showModal();
      $("passage-close").focus();
    } catch (e) {
      setStatus("ask-status", e.message, true);
    }
  }

  $("passage-dialog").addEventListener("close", (event) => {
    const opener = event.target.returnFocusTo;
    if (opener) opener.focus();
  });

  function citeLink(n, passageId, label) {
    const link = el("a", `[${n}]`, "cite");
    link.href = `#passage-${n}`;
    link.dataset.passage = passageId;
    link.setAttribute("aria-label", `Trích dẫn ${n}: ${label}`);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openPassage(passageId, link);
    });
    return link;
  }

  // The answer's text with each [n] that has a citation made a link to its passage.
  function answerBody(answer) {
    const body = el("div", null, "answer");
    const byNumber = new Map(answer.citations.map((c) => [c.n, c]));
    const parts = answer.answer.split(/(\[\d+\])/);
    for (const part of parts) {
      const match = /^\[(\d+)\]$/.exec(part);
      const citation = match && byNumber.get(Number(match[1]));
      body.append(citation ? citeLink(citation.n, citation.passage_id, citation.label) : document.createTextNode(part));
    }
    return body;
  }

  function feedback(answer) {
    const box = el("div", null, "feedback");
    const note = el("span", "", "status");
    note.setAttribute("role", "status");
    const vote = (helpful, button, other) => async () => {
      try {
        const reply = await (await postJson("/api/feedback", { answer_id: answer.answer_id, conversation_id: answer.conversation_id, helpful })).json();
        button.setAttribute("aria-pressed", "true");
        other.setAttribute("aria-pressed", "false");
        note.textContent = reply.message;
      } catch (e) {
        note.textContent = e.message;
      }
    };
    const up = el("button", "👍 Hữu ích");
    const down = el("button", "👎 Chưa hữu ích");
    for (const [button, label] of [[up, "Câu trả lời hữu ích"], [down, "Câu trả lời chưa đúng hoặc chưa hữu ích"]]) {
      button.type = "button";
      button.setAttribute("aria-label", label);
      button.setAttribute("aria-pressed", "false");
    }
    up.addEventListener("click", vote(true, up, down));
    down.addEventListener("click", vote(false, down, up));
    box.append(el("span", "Câu trả lời có hữu ích không?"), up, down, note);
    return box;
  }

  // For a question the documents only touch on: the closest passages, to read in context, never as the answer.
  function relatedList(answer) {
    const box = el("div");
    box.append(el("p", "Đoạn gần nhất (chỉ để tham khảo, không phải câu trả lời):", "meta"));
    const list = el("ul", null, "sources");
    for (const r of answer.related) {
      const item = el("li");
      const open = el("button", r.label, "secondary");
      open.type = "button";
      open.addEventListener("click", () => openPassage(r.passage_id, open));
      item.append(open);
      if (r.summary) item.append(" ", el("span", "bản tóm tắt", "badge"));
      list.append(item);
    }
    box.append(list);
    return box;
  }

  function showTurn(answer) {
    const turn = el("article", null, "turn");
    turn.setAttribute("aria-label", `Hỏi: ${answer.question}`);
    turn.append(el("p", `Hỏi: ${answer.question}`, "asked"));
    if (answer.notice) turn.append(el("p", answer.notice, "meta"));
    turn.append(answerBody(answer));
    if (answer.related && answer.related.length > 0) turn.append(relatedList(answer));
    turn.append(feedback(answer));
    $("conversation").append(turn);
  }

  $("ask-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = $("question").value.trim();
    if (!question) {
      setStatus("ask-status", "Hãy nhập câu hỏi.", true);
      $("question").focus();
      return;
    }
    const button = $("ask-button");
    button.disabled = true;
    setStatus("ask-status", "Đang tìm câu trả lời…");
    try {
      const answer = await (await postJson("/api/ask", { question, conversation_id: conversationId })).json();
      conversationId = answer.conversation_id;
      showTurn(answer);
      $("question").value = "";
      setStatus("ask-status", conversationId ? "Có thể hỏi tiếp: câu hỏi sau giữ chủ đề của câu trước." : "");
    } catch (e) {
      setStatus("ask-status", e.message, true);
    } finally {
      button.disabled = false;
      $("question").focus();
    }
  });

  // Enter sends, Shift+Enter makes a new line: the keyboard alone is enough.
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });

  $("new-conversation").addEventListener("click", () => {
    conversationId = null;
    $("conversation").replaceChildren();
    setStatus("ask-status", "Đã bắt đầu cuộc trò chuyện mới.");
    $("question").focus();
  });

  // ---- Documents ----------------------------------------------------------------------------

  function relations(doc) {
    const parts = [];
    if (doc.replaces.length) parts.push(`thay thế ${doc.replaces.join(", ")}`);
    if (doc.replaced_by.length) parts.push(`bị thay thế bởi ${doc.replaced_by.join(", ")}`);
    if (doc.summary_of) parts.push(`toàn văn của bản tóm tắt ${doc.summary_of}`);
    if (doc.official_text) parts.push(`toàn văn: ${doc.official_text}`);
    return parts.join("; ");
  }

  async function readDocument(id, opener) {
    try {
      const view = await (await api(`/api/documents/${encodeURIComponent(id)}`)).json();
      const reader = $("document-reader");
      $("reader-title").textContent = view.document.title;
      $("reader-meta").textContent = [view.document.type, view.document.number, view.document.standing_text, view.summary_note].filter(Boolean).join(" · ");
      const body = $("reader-body");
      body.replaceChildren();
      for (const section of view.sections) {
        const part = el("section");
        if (section.heading) part.append(el("h4", section.heading));
        for (const p of section.passages) {
          const para = el("p");
          const open = el("a", p.passage_id);
          open.href = `#${p.passage_id}`;
          open.addEventListener("click", (event) => {
            event.preventDefault();
            openPassage(p.passage_id, open);
          });
          para.append(open, " ", document.createTextNode(p.text));
          part.append(para);
        }
        body.append(part);
      }
      reader.hidden = false;
      reader.returnFocusTo = opener;
      $("reader-title").focus();
    } catch (e) {
      setStatus("documents-status", e.message, true);
    }
  }

  async function loadDocuments() {
    try {
      const documents = await (await api("/api/documents")).json();
      const list = $("document-list");
      const select = $("trainer-document");
      for (const doc of documents) {
        const item = el("li");
        item.append(el("span", doc.title, "title"), el("br"));
        const meta = el("span", [doc.type, doc.number, doc.standing_text, relations(doc)].filter(Boolean).join(" · "), "meta");
        item.append(meta, " ");
        if (doc.kind === "summary") item.append(el("span", "bản tóm tắt", "badge"), " ");
        const read = el("button", "Đọc", "secondary");
        read.type = "button";
        read.setAttribute("aria-label", `Đọc ${doc.short_title || doc.title}`);
        read.addEventListener("click", () => readDocument(doc.id, read));
        item.append(read);
        list.append(item);

        const option = el("option", `${doc.short_title || doc.title}${doc.kind === "summary" ? " (bản tóm tắt)" : ""}`);
        option.value = doc.id;
        select.append(option);
      }
      setStatus("documents-status", `${documents.length} văn bản.`);
    } catch (e) {
      setStatus("documents-status", e.message, true);
    }
  }

  // ---- Trainer materials --------------------------------------------------------------------

  async function download(path, body, fallbackName) {
    setStatus("trainer-status", "Đang soạn tài liệu…");
    try {
      const response = await postJson(path, body);
      const disposition = response.headers.get("Content-Disposition") || "";
      const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
      const link = el("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = match ? decodeURIComponent(match[1]) : fallbackName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      setStatus("trainer-status", `Đã tải ${link.download}.`);
    } catch (e) {
      setStatus("trainer-status", e.message, true);
    }
  }

  $("download-quiz").addEventListener("click", () => {
    const id = $("trainer-document").value;
    download("/api/quiz", { document_id: id, section: $("trainer-section-input").value.trim() || null, count: Number($("trainer-count").value), format: "docx" }, `quiz-${id}.docx`);
  });

  $("download-outline").addEventListener("click", () => {
    const id = $("trainer-document").value;
    download("/api/outline", { document_id: id, section: $("trainer-section-input").value.trim() || null, minutes: Number($("trainer-minutes").value), format: "docx" }, `outline-${id}.docx`);
  });

  loadDocuments();
})();
