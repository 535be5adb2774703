// What every chart of the report and the demo is: an id, a title, a caption and its drawing (src/report/charts.ts
// lists them; each chart file makes one).

export interface Chart {
  id: string;
  title: string;
  /** One sentence under the chart: what to look at. */
  caption: string;
  render(): (SVGSVGElement | HTMLElement)[];
}
