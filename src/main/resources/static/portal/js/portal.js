/* Partner portal: progressive enhancement only; every form works without this file. */
(function () {
    'use strict';

    function normal(serial) {
        return serial.trim().toUpperCase();
    }

    function split(text) {
        return text.split(/[\r\n,;\t]+/).map(function (s) { return s.trim(); }).filter(function (s) { return s.length > 0; });
    }

    function fill(list, items) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        items.forEach(function (item) {
            var li = document.createElement('li');
            li.textContent = item;
            list.appendChild(li);
        });
    }

    /* Receipt: a scan box that keeps focus (Enter adds the serial), live matched / missing / unexpected counts. */
    function receipt(form) {
        var manifest = Array.prototype.map.call(document.querySelectorAll('#manifest-serials li'),
            function (li) { return li.textContent; });
        var onManifest = {};
        manifest.forEach(function (s) { onManifest[normal(s)] = true; });
        var box = document.getElementById('scan-box');
        var scan = document.getElementById('scan');
        var feedback = document.getElementById('scan-feedback');
        var serials = document.getElementById('serials');

        function count() {
            var seen = {};
            var unexpected = [];
            split(serials.value).forEach(function (s) {
                var n = normal(s);
                if (seen[n]) { return; }
                seen[n] = true;
                if (!onManifest[n]) { unexpected.push(s); }
            });
            var matched = manifest.filter(function (s) { return seen[normal(s)]; });
            var missing = manifest.filter(function (s) { return !seen[normal(s)]; });
            document.getElementById('matched-count').textContent = matched.length;
            document.getElementById('missing-count').textContent = missing.length;
            document.getElementById('unexpected-count').textContent = unexpected.length;
            fill(document.getElementById('missing-list'), missing);
            fill(document.getElementById('unexpected-list'), unexpected);
            return seen;
        }

        box.hidden = false;
        scan.addEventListener('keydown', function (event) {
            if (event.key !== 'Enter') { return; }
            event.preventDefault();
            var serial = scan.value.trim();
            scan.value = '';
            if (!serial) { return; }
            var seen = count();
            if (seen[normal(serial)]) {
                feedback.textContent = serial + ': already listed';
            } else {
                serials.value = (serials.value.trim() ? serials.value.replace(/\s+$/, '') + '\n' : '') + serial;
                feedback.textContent = serial + (onManifest[normal(serial)] ? ': on the manifest' : ': NOT on the manifest');
                count();
            }
            scan.focus();
        });
        serials.addEventListener('input', count);
        count();
        scan.focus();
    }

    /* Disposition: show only the fields of the chosen method (all are shown without script). */
    function disposition(form) {
        var radios = form.querySelectorAll('input[name="disposition"]');
        function show() {
            var chosen = form.querySelector('input[name="disposition"]:checked');
            form.querySelectorAll('fieldset[data-disposition]').forEach(function (set) {
                set.hidden = !chosen || set.getAttribute('data-disposition') !== chosen.value;
            });
        }
        radios.forEach(function (r) { r.addEventListener('change', show); });
        show();
    }

    document.addEventListener('DOMContentLoaded', function () {
        var receiptForm = document.getElementById('receipt-form');
        if (receiptForm) { receipt(receiptForm); }
        var processingForm = document.getElementById('processing-form');
        if (processingForm) { disposition(processingForm); }
    });
})();
