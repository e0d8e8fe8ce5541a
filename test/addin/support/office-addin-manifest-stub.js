/** Stand-in for office-addin-manifest inside Jest (see jest.config.js): office-addin-mock imports it but never calls it. */
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
