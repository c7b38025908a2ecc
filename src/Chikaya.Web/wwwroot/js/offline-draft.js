// A complaint written without network is kept on the device (IndexedDB) and sent as soon as the network
// returns, with the form's idempotency key: sent twice, it is filed once.
(() => {
  "use strict";
  const STORE = "drafts";
  const openDb = () => new Promise((resolve, reject) => {
    const request = indexedDB.open("chikaya", 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = (mode, work) => openDb().then(db => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = () => reject(tx.error);
  }));
  const drafts = () => run("readonly", store => store.getAll());
  const save = draft => run("readwrite", store => store.put(draft));
  const forget = key => run("readwrite", store => store.delete(key));

  const status = document.getElementById("draft-status");
  const say = text => { if (status && text) status.textContent = text; };

  let sending = false;
  async function sendDrafts() {
    if (sending || !navigator.onLine || !window.indexedDB) return;
    sending = true;
    try {
      for (const draft of await drafts()) {
        const body = new FormData();
        for (const [name, value] of draft.entries) body.append(name, value);
        let response;
        try { response = await fetch(draft.action, { method: "POST", body, credentials: "same-origin" }); }
        catch { return; } // still no network: try again at the next "online"
        await forget(draft.key);
        if (response.redirected) { location.assign(response.url); return; }
        // refused (a field to correct): show the form with its messages
        document.open(); document.write(await response.text()); document.close();
        return;
      }
    } finally { sending = false; }
  }

  const form = document.querySelector("form[data-offline-draft]");
  if (form) {
    form.addEventListener("submit", async event => {
      if (navigator.onLine) return;
      event.preventDefault();
      const entries = [];
      for (const [name, value] of new FormData(form).entries())
        if (!(value instanceof File) || value.size > 0) entries.push([name, value]);
      const key = form.querySelector("[name='Input.IdempotencyKey']")?.value || String(Date.now());
      await save({ key, action: form.getAttribute("action") || location.pathname, entries, savedAt: Date.now() });
      say(form.dataset.savedMessage);
    });
  }
  window.addEventListener("online", sendDrafts);
  sendDrafts();
  drafts().then(list => { if (list.length && !navigator.onLine) say(form?.dataset.savedMessage); }).catch(() => {});
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
})();
