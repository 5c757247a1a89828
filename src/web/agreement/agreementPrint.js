// The agreement page's print button (scripts come from the site only, never inline).
document.getElementById('print').addEventListener('click', function () {
  window.print();
});
