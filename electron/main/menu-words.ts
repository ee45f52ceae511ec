import type { UiLanguageCode } from '../shared/ui/languages';

/** The native menu's words. Roles keep their platform behaviour; only the labels are ours. */
export interface MenuWords {
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  unhide: string;
  quit: string;
  close: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pasteAndMatchStyle: string;
  delete: string;
  selectAll: string;
  reload: string;
  forceReload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  togglefullscreen: string;
  minimize: string;
  zoom: string;
  front: string;
}

export const MENU_WORDS: Record<UiLanguageCode, MenuWords> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    about: 'About Dateline',
    services: 'Services',
    hide: 'Hide Dateline',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit Dateline',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste as Plain Text',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Full Screen',
    minimize: 'Minimise',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
  fr: {
    file: '&Fichier',
    edit: '&Édition',
    view: '&Affichage',
    window: 'Fe&nêtre',
    help: '&Aide',
    about: 'À propos de Dateline',
    services: 'Services',
    hide: 'Masquer Dateline',
    hideOthers: 'Masquer les autres',
    unhide: 'Tout afficher',
    quit: 'Quitter Dateline',
    close: 'Fermer la fenêtre',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    pasteAndMatchStyle: 'Coller sans mise en forme',
    delete: 'Supprimer',
    selectAll: 'Tout sélectionner',
    reload: 'Recharger',
    forceReload: 'Forcer le rechargement',
    toggleDevTools: 'Outils de développement',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    togglefullscreen: 'Plein écran',
    minimize: 'Réduire',
    zoom: 'Agrandir',
    front: 'Tout ramener au premier plan',
  },
  es: {
    file: '&Archivo',
    edit: '&Edición',
    view: '&Ver',
    window: 'Ve&ntana',
    help: 'A&yuda',
    about: 'Acerca de Dateline',
    services: 'Servicios',
    hide: 'Ocultar Dateline',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
    quit: 'Salir de Dateline',
    close: 'Cerrar ventana',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    pasteAndMatchStyle: 'Pegar como texto sin formato',
    delete: 'Eliminar',
    selectAll: 'Seleccionar todo',
    reload: 'Volver a cargar',
    forceReload: 'Forzar recarga',
    toggleDevTools: 'Herramientas de desarrollo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    togglefullscreen: 'Pantalla completa',
    minimize: 'Minimizar',
    zoom: 'Zoom',
    front: 'Traer todo al frente',
  },
  ar: {
    file: '&ملف',
    edit: '&تحرير',
    view: '&عرض',
    window: '&نافذة',
    help: '&مساعدة',
    about: 'حول Dateline',
    services: 'الخدمات',
    hide: 'إخفاء Dateline',
    hideOthers: 'إخفاء الآخرين',
    unhide: 'إظهار الكل',
    quit: 'إنهاء Dateline',
    close: 'إغلاق النافذة',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    pasteAndMatchStyle: 'لصق كنص عادي',
    delete: 'حذف',
    selectAll: 'تحديد الكل',
    reload: 'إعادة التحميل',
    forceReload: 'فرض إعادة التحميل',
    toggleDevTools: 'أدوات المطوّرين',
    resetZoom: 'الحجم الفعلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    togglefullscreen: 'ملء الشاشة',
    minimize: 'تصغير النافذة',
    zoom: 'تكبير النافذة',
    front: 'إحضار الكل إلى المقدمة',
  },
};
