// <sb-chart>: draws a Chart.js chart from the JSON configuration in its "config" property.
// The server (org.switchboard.base.ui.ChartJs) sets the property; Chart.js comes from its webjar.
class SbChart extends HTMLElement {
  connectedCallback() {
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      // set before the element was upgraded: move the value onto the setter
      const value = this.config;
      delete this.config;
      this.config = value;
    }
    if (!this._canvas) {
      this.style.display = this.style.display || 'block';
      this.style.position = 'relative';
      this._canvas = document.createElement('canvas');
      this.appendChild(this._canvas);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  set config(value) {
    this._config = value;
    this._render();
  }

  get config() {
    return this._config;
  }

  _render() {
    if (!this._canvas || !this._config || !window.Chart) {
      return;
    }
    const cfg = typeof this._config === 'string' ? JSON.parse(this._config) : this._config;
    cfg.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, cfg.options || {});
    if (this._chart) {
      this._chart.destroy();
    }
    this._chart = new window.Chart(this._canvas, cfg);
    this.setAttribute('data-rendered', String(cfg.data.datasets.length));
  }
}

if (!customElements.get('sb-chart')) {
  customElements.define('sb-chart', SbChart);
}
