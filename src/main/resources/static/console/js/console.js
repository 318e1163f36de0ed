// Staff console: small progressive enhancements; every page also works without JavaScript.
// Elements with data-poll="<url>" are refreshed from that JSON address every second while the job runs:
// the answer's "done" and "total" fill a <progress> inside the element, "state" its [data-state] text,
// and "link" (when present) reveals the element's [data-link] anchor.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-poll]').forEach(box => {
        const bar = box.querySelector('progress');
        const state = box.querySelector('[data-state]');
        const link = box.querySelector('[data-link]');
        const tick = async () => {
            const answer = await fetch(box.dataset.poll, {headers: {Accept: 'application/json'}});
            if (!answer.ok) return;
            const job = await answer.json();
            if (bar && job.total) { bar.max = job.total; bar.value = job.done; bar.textContent = job.done + ' of ' + job.total; }
            if (state) state.textContent = job.state;
            if (link && job.link) { link.href = job.link; link.hidden = false; }
            if (!job.finished) setTimeout(tick, 1000);
        };
        tick();
    });
});
